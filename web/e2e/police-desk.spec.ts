import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { cases, tips } from '../../api/src/db/schema/index';
import { db, harness, listen, resetDb } from '../../api/test/support/harness';
import { createUser, type TestUser } from '../../api/test/support/factories';
import { tipIn } from '../../api/test/support/police';
import { call } from './support/api-call';
import { fillSignIn } from './support/sign-in';
import { horizontalOverflow, openBrowser, shot, type Browser } from './support/browser';

type Server = { url: string; close: () => Promise<void> };

async function signIn(page: Page, server: Server, user: TestUser, path: string) {
  await page.goto(`${server.url}${path}`);
  await fillSignIn(page, user);
}

const tipRow = async (id: string) => (await db().select().from(tips).where(eq(tips.id, id)))[0];

describe('police desk: assignment, case linking and queue filters (1280×800, English)', function () {
  this.timeout(120_000);
  let server: Server;
  let browser: Browser | undefined;
  let officer: TestUser;
  let supervisor: TestUser;
  let admin: TestUser;

  before(async () => {
    await resetDb();
    [officer, supervisor, admin] = await Promise.all([
      createUser({ role: 'officer', districtId: 1, displayName: 'Officer Li' }),
      createUser({ role: 'supervisor', districtId: 1, displayName: 'Supervisor Zhao' }),
      createUser({ role: 'admin', displayName: 'Admin Chen' }),
    ]);
    server = await listen(harness().app);
  });

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  after(async () => {
    await server?.close();
  });

  it('lets a supervisor assign a tip to an officer of the district and release the claim', async () => {
    const tip = await tipIn(1, { input: { description: 'A van unloads unmarked crates behind the closed school every Tuesday night.' } });
    browser = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const { page } = browser;
    await signIn(page, server, supervisor, `/police/tips/${tip.id}`);
    await page.getByRole('heading', { name: tip.reference, level: 1 }).waitFor();
    await page.getByText('Not claimed').waitFor();

    await page.getByLabel('Assign to').selectOption({ label: 'Officer Li' });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('Assigned to Officer Li.').waitFor();
    await page.getByText(/Claimed by Officer Li until/).waitFor();
    expect((await tipRow(tip.id)).claimedById).to.equal(officer.user.id);
    expect(await horizontalOverflow(page)).to.equal(0);
    await shot(page, 'police-desk-assign');

    await page.getByRole('button', { name: 'Release their claim' }).click();
    await page.getByText('Not claimed').waitFor();
    expect((await tipRow(tip.id)).claimedById).to.equal(null);
  });

  it('lets an officer link a valid tip to an existing case from the tip view, and shows it in the case', async () => {
    const tip = await tipIn(1, { input: { description: 'Two men sell small packets at the north gate of the estate around 11pm.' } });
    await call(server, officer, 'POST', `/tips/${tip.id}/triage`, { decision: 'valid' });
    const other = await tipIn(1, { input: { description: 'Someone keeps trying car doors on Xianfeng Road after midnight.' } });
    await call(server, officer, 'POST', `/tips/${other.id}/triage`, { decision: 'valid' });
    const { case: target } = await call<{ case: { id: string; reference: string } }>(server, supervisor, 'POST', '/cases', {
      title: 'North gate drug dealing',
    });
    const { case: decoy } = await call<{ case: { id: string; reference: string } }>(server, supervisor, 'POST', '/cases', {
      title: 'Xianfeng Road car break-ins',
    });
    const { case: shut } = await call<{ case: { id: string; reference: string } }>(server, supervisor, 'POST', '/cases', {
      title: 'North gate noise complaint',
    });
    await call(server, supervisor, 'PATCH', `/cases/${shut.id}`, { status: 'closed' });

    browser = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const { page } = browser;
    await signIn(page, server, officer, `/police/tips/${other.id}`);
    await page.getByRole('heading', { name: other.reference, level: 1 }).waitFor();
    expect(await page.getByLabel('Assign to').count(), 'officers do not assign').to.equal(0);

    // A tip that joined another case meanwhile: the API's 409 appears next to the button.
    await page.getByRole('radio', { name: new RegExp(decoy.reference) }).check();
    await call(server, supervisor, 'POST', `/cases/${target.id}/tips`, { tipIds: [other.id] });
    await page.getByRole('button', { name: 'Link to case' }).click();
    await page.getByRole('alert').filter({ hasText: /another case/i }).waitFor();
    await shot(page, 'police-desk-link-conflict');
    await call(server, supervisor, 'DELETE', `/cases/${target.id}/tips/${other.id}`);

    await page.goto(`${server.url}/police/tips/${tip.id}`);
    await page.getByRole('heading', { name: tip.reference, level: 1 }).waitFor();
    expect(await page.getByRole('radio', { name: new RegExp(shut.reference) }).count(), 'closed cases are not offered').to.equal(0);
    await page.getByLabel('Find a case').fill('North gate');
    await page.getByRole('radio', { name: new RegExp(decoy.reference) }).waitFor({ state: 'detached' });
    await page.getByRole('radio', { name: new RegExp(target.reference) }).check();
    await shot(page, 'police-desk-case-picker');
    await page.getByRole('button', { name: 'Link to case' }).click();

    await page.getByText('Linked to').first().waitFor();
    expect((await tipRow(tip.id)).caseId).to.equal(target.id);
    // the history says which case, instead of an empty internal entry
    await page.getByRole('region', { name: 'History' }).getByText(`Linked to case ${target.reference}`).waitFor();
    await page.getByRole('link', { name: `${target.reference} · North gate drug dealing` }).waitFor();
    await shot(page, 'police-desk-tip-linked');

    await page.getByRole('link', { name: 'View case' }).click();
    await page.getByRole('heading', { name: /North gate drug dealing/, level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Linked tips' }).getByRole('link', { name: tip.reference }).waitFor();
    expect(await horizontalOverflow(page)).to.equal(0);
    await shot(page, 'police-desk-case');
  });

  it('lets an admin filter the queue by district, and keeps the filters in the address', async () => {
    const yanfeng = await tipIn(1, { input: { description: 'Illegal gambling den in the back room of the tea house on Yanfeng Road.' } });
    const leiyang = await tipIn(11, { input: { description: 'Unlicensed coal trucks overloaded on the Leiyang ring road at dawn.' } });
    browser = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const { page } = browser;
    await signIn(page, server, admin, '/police');
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    const table = page.getByRole('table');
    await table.getByRole('link', { name: yanfeng.reference }).waitFor();
    await table.getByRole('link', { name: leiyang.reference }).waitFor();

    await page.getByLabel('District').selectOption({ label: 'Leiyang City' });
    await page.waitForURL(/districtId=11/);
    await table.getByRole('link', { name: yanfeng.reference }).waitFor({ state: 'detached' });
    await table.getByRole('link', { name: leiyang.reference }).waitFor();
    await shot(page, 'police-desk-queue-district');

    // Today in Hengyang; the range is inclusive of its last day.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await page.getByLabel('Received from').fill(today);
    await page.getByLabel('Received until').fill(today);
    await page.waitForURL(new RegExp(`to=${today}`));
    await page.reload();
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    await table.getByRole('link', { name: leiyang.reference }).waitFor();
    await page.getByRole('option', { name: 'Leiyang City' }).waitFor({ state: 'attached' });
    expect(await page.getByLabel('District').inputValue()).to.equal('11');
    expect(await page.getByLabel('Received from').inputValue()).to.equal(today);
    expect(await table.getByRole('link', { name: yanfeng.reference }).count()).to.equal(0);

    await page.getByLabel('Received from').fill('2020-01-01');
    await page.getByLabel('Received until').fill('2020-01-31');
    await page.getByText('No tips match these filters.').waitFor();
    expect(await horizontalOverflow(page)).to.equal(0);
  });

  it('lets an admin open a case in a chosen district from the Cases page', async () => {
    browser = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const { page } = browser;
    await signIn(page, server, admin, '/police/cases');
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    await page.getByLabel('Title').fill('Coal trucks on the ring road');
    const create = page.getByRole('button', { name: 'Create case' });
    expect(await create.isDisabled(), 'a district must be chosen first').to.equal(true);
    await page.getByRole('form', { name: 'New case' }).getByLabel('District').selectOption({ label: 'Leiyang City' });
    await create.click();
    await page.getByRole('heading', { name: /Coal trucks on the ring road/, level: 1 }).waitFor();
    const [created] = await db().select().from(cases).where(eq(cases.title, 'Coal trucks on the ring road'));
    expect(created.districtId).to.equal(11);
  });

  it('shows police no district filter', async () => {
    browser = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const { page } = browser;
    await signIn(page, server, officer, '/police?districtId=11');
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    await page.getByRole('table').waitFor();
    expect(await page.getByLabel('District').count()).to.equal(0);
    expect(await page.getByRole('alert').count(), 'a district in the address does not make the API refuse').to.equal(0);
  });
});
