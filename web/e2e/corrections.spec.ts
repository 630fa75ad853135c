import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { tips } from '../../api/src/db/schema/index';
import { db, harness, listen, resetDb } from '../../api/test/support/harness';
import { createUser, type TestUser } from '../../api/test/support/factories';
import { balanceOf, grant } from '../../api/test/support/points-helpers';
import { tipIn } from '../../api/test/support/police';
import { call } from './support/api-call';
import { CHINESE, fillSignIn } from './support/sign-in';
import { openBrowser, shot, type Browser } from './support/browser';

type Server = { url: string; close: () => Promise<void> };

const REOPEN = '重新打开';

const tipRow = async (id: string) => (await db().select().from(tips).where(eq(tips.id, id)))[0];

/** The contract's test for phones: nothing wider than the 375 px viewport. */
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('correcting decisions on the police desk (browser)', function () {
  this.timeout(180_000);
  let server: Server;
  let browser: Browser | undefined;
  let officer: TestUser;
  let supervisor: TestUser;

  before(async () => {
    await resetDb();
    [officer, supervisor] = await Promise.all([
      createUser({ role: 'officer', districtId: 1, displayName: 'Officer Li' }),
      createUser({ role: 'supervisor', districtId: 1, displayName: 'Supervisor Zhao' }),
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

  it('on a phone: the officer marks a deliberate false report (confirmation first), presses Undo, and the points are back', async () => {
    const reporter = await createUser({ role: 'volunteer', districtId: 1, displayName: 'Reporter Sun' });
    await grant(reporter, 30);
    const tip = await tipIn(1, {
      reporter,
      input: { description: 'Someone reported a fire at the market gate, but the photos show an ordinary barbecue stall.' },
    });
    browser = await openBrowser({ locale: 'en-US' });
    const { page } = browser;
    await page.goto(`${server.url}/police`);
    await fillSignIn(page, officer);
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    await page.getByRole('link', { name: tip.reference }).waitFor();
    expect(await scrollWidth(page)).to.be.at.most(375);
    await shot(page, 'corrections-1-queue-375');

    await page.getByRole('link', { name: tip.reference }).click();
    await page.getByRole('heading', { name: tip.reference, level: 1 }).waitFor();
    expect(await scrollWidth(page)).to.be.at.most(375);

    // Cancel first: the shortcut opens the question, nothing is decided.
    await page.locator('body').press('i');
    const question = page.getByRole('dialog', { name: `Mark ${tip.reference} invalid?` });
    await question.waitFor();
    await question.getByRole('button', { name: 'Cancel' }).click();
    await question.waitFor({ state: 'hidden' });
    expect((await tipRow(tip.id)).status).to.equal('submitted');

    await page.getByLabel('Deliberate false report (costs the reporter points)').check();
    await page.getByRole('button', { name: /^Invalid/ }).click();
    const falseReport = page.getByRole('dialog', { name: `Mark ${tip.reference} as a deliberate false report?` });
    await falseReport.waitFor();
    expect(await scrollWidth(page)).to.be.at.most(375);
    await shot(page, 'corrections-2-confirm-false-report-375');
    await falseReport.getByRole('button', { name: 'Mark as false report' }).click();

    await page.getByText('Marked Invalid.').waitFor();
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    await undo.waitFor();
    expect(await balanceOf(reporter)).to.equal(10);
    expect(await tipRow(tip.id)).to.include({ status: 'invalid', isDeliberateFalse: true });
    await shot(page, 'corrections-3-undo-375');

    await undo.click();
    await page.getByText('Decision undone').waitFor();
    expect(await tipRow(tip.id)).to.include({ status: 'submitted', isDeliberateFalse: false });
    expect(await balanceOf(reporter)).to.equal(30);
    const points = await call<{ balance: number; entries: { reason: string; delta: number }[] }>(server, reporter, 'GET', '/me/points');
    expect(points.balance).to.equal(30);
    expect(points.entries[0]).to.include({ reason: 'reversal', delta: 20 });
    // Back to an open tip: the decision buttons are there again, the Undo is gone.
    await page.getByRole('button', { name: /^Valid/ }).waitFor();
    expect(await undo.count()).to.equal(0);
  });

  it('on a phone in Chinese: queue, tip, cases and a case fit 375 px; solving asks first', async () => {
    const tip = await tipIn(1, { input: { description: '每天晚上十一点左右，小区北门有两名男子兜售可疑小包，已经持续一周，附近居民都很担心。' } });
    await call(server, officer, 'POST', `/tips/${tip.id}/triage`, { decision: 'valid', priority: 'high' });
    const created = await call<{ case: { id: string; reference: string } }>(server, officer, 'POST', '/cases', {
      title: '北门可疑交易团伙调查（长标题用于检查窄屏换行是否正常）',
      tipIds: [tip.id],
    });
    await call(server, officer, 'PATCH', `/cases/${created.case.id}`, { status: 'investigating' });

    browser = await openBrowser({ locale: 'zh-CN' });
    const { page } = browser;
    await page.goto(`${server.url}/police`);
    await fillSignIn(page, officer, CHINESE);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.getByRole('link', { name: '案件' }).first().waitFor();
    expect(await scrollWidth(page)).to.be.at.most(375);

    await page.goto(`${server.url}/police/tips/${tip.id}`);
    await page.getByRole('heading', { name: tip.reference, level: 1 }).waitFor();
    expect(await scrollWidth(page)).to.be.at.most(375);
    await shot(page, 'corrections-4-tip-zh-375');

    await page.goto(`${server.url}/police/cases`);
    await page.getByRole('link', { name: created.case.reference }).waitFor();
    expect(await scrollWidth(page)).to.be.at.most(375);
    await shot(page, 'corrections-5-cases-zh-375');

    await page.getByRole('link', { name: created.case.reference }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(created.case.reference) }).waitFor();
    expect(await scrollWidth(page)).to.be.at.most(375);
    await page.getByRole('button', { name: '改为已破案' }).click();
    const solve = page.getByRole('dialog', { name: `将案件 ${created.case.reference} 标记为已破案？` });
    await solve.waitFor();
    await shot(page, 'corrections-6-confirm-solve-zh-375');
    await solve.getByRole('button', { name: '取消' }).click();
    await solve.waitFor({ state: 'hidden' });
    expect((await call<{ case: { status: string } }>(server, officer, 'GET', `/cases/${created.case.id}`)).case.status).to.equal('investigating');
    await page.getByRole('button', { name: '改为已破案' }).click();
    await solve.getByRole('button', { name: '标记为已破案' }).click();
    await page.getByRole('button', { name: REOPEN }).waitFor();
    expect((await call<{ case: { status: string } }>(server, officer, 'GET', `/cases/${created.case.id}`)).case.status).to.equal('solved');
    // A solved case offers exactly the API's moves (@hy/schemas/case-rules): reopen, or back to investigating.
    const moves = page.getByRole('region', { name: '状态' }).getByRole('button', { name: /^(重新打开|改为.+)$/ });
    expect(await moves.allTextContents()).to.have.members([REOPEN, '改为侦查中']);
  });

  it('at the desk: an officer transfers a tip to another district; a supervisor reverses a decision with a reason', async () => {
    const misplaced = await tipIn(1, { input: { description: 'Illegal sand mining on the river bank near the Leiyang bridge, trucks every night.' } });
    const decided = await tipIn(1, { input: { description: 'Loud gambling den above the noodle shop, people come and go all night.' } });
    await call(server, officer, 'POST', `/tips/${decided.id}/triage`, { decision: 'valid' });

    browser = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const { page } = browser;
    await page.goto(`${server.url}/police/tips/${misplaced.id}`);
    await fillSignIn(page, officer);
    await page.getByRole('heading', { name: misplaced.reference, level: 1 }).waitFor();
    // 耒阳市 (Leiyang) is district 11.
    await page.getByLabel('Send to district').selectOption('11');
    await page.getByLabel('Reason for the transfer').fill('The river bank is in Leiyang');
    await shot(page, 'corrections-7-transfer');
    await page.getByRole('button', { name: 'Transfer', exact: true }).click();
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    await page.getByText(`${misplaced.reference} was transferred to`).waitFor();
    expect(await tipRow(misplaced.id)).to.include({ districtId: 11, claimedById: null });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(`${server.url}/police/tips/${decided.id}`);
    await fillSignIn(page, supervisor);
    await page.getByRole('heading', { name: 'Reverse decision' }).waitFor();
    await page.getByRole('button', { name: 'Reverse decision' }).click();
    await page.getByText('Say why the decision is reversed.').waitFor();
    await page.getByLabel('Reason for the reversal').fill('The den was closed last month; the report is old');
    await page.getByRole('button', { name: 'Reverse decision' }).click();
    await page.getByText('Decision reversed: The den was closed last month; the report is old').waitFor();
    expect((await tipRow(decided.id)).status).to.equal('submitted');
    expect(await balanceOf(decided.reporter!)).to.equal(0);
    await shot(page, 'corrections-8-reversed');
  });
});
