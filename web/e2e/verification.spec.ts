import { expect } from 'chai';
import { asc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { communities, verifications } from '../../api/src/db/schema/index';
import { clock } from '../../api/src/lib/clock';
import { api, db, harness, listen } from '../../api/test/support/harness';
import { createUser, type TestUser } from '../../api/test/support/factories';
import { png } from '../../api/test/support/images';
import { CHINESE, fillSignIn } from './support/sign-in';
import { horizontalOverflow, openBrowser, shot, type Browser } from './support/browser';

async function checkLayout(page: Page, name: string): Promise<void> {
  await shot(page, name);
  expect(await horizontalOverflow(page), `${name} scrolls sideways`).to.equal(0);
}

/** A community of 雁峰区 no other browser test staffs, with its auxiliary and a member volunteer. */
async function quietCommunity() {
  const [c] = await db().select().from(communities).where(eq(communities.districtId, 1)).orderBy(asc(communities.code)).offset(7).limit(1);
  return c;
}

async function tipWithPhoto(volunteer: TestUser, description: string) {
  const res = await api()
    .post('/api/tips')
    .set(volunteer.auth)
    .field('category', 'safety_hazard')
    .field('description', description)
    .field('occurredAt', new Date(Date.now() - 3_600_000).toISOString())
    .field('lat', '26.8931')
    .field('lng', '112.5712')
    .field('address', 'Back lane of the Yueping market')
    .field('districtId', '1')
    .attach('photos', await png(), { filename: 'scene.png', contentType: 'image/png' })
    .expect(201);
  return res.body.tip as { id: string; reference: string };
}

describe('web: an officer requests an on-site check, the auxiliary reports it from a phone, the officer sees it', function () {
  this.timeout(150_000);
  let server: { url: string; close: () => Promise<void> };
  let officer: TestUser;
  let auxiliary: TestUser;
  let volunteer: TestUser;
  let browser: Browser;

  before(async () => {
    server = await listen(harness().app);
    const community = await quietCommunity();
    officer = await createUser({ role: 'officer', districtId: 1, displayName: 'Officer Wang' });
    auxiliary = await createUser({ role: 'auxiliary', communityId: community.id, displayName: 'Aux Zhou' });
    volunteer = await createUser({ role: 'volunteer', communityId: community.id, displayName: 'Mei Chen' });
    browser = await openBrowser({ locale: 'en-US' });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('on a 375×667 phone, with a photo, in English', async () => {
    const tip = await tipWithPhoto(volunteer, 'Gas cylinders and cardboard piled next to an e-bike charging strip, unattended at night.');
    const { page } = browser;
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));

    // The officer asks for a check from the tip page.
    await page.goto(`${server.url}/police/tips/${tip.id}`);
    await fillSignIn(page, officer);
    await page.getByRole('heading', { name: tip.reference, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Request on-site check' }).click();
    await page.getByRole('dialog').waitFor();
    await page.getByLabel('What should be checked?').fill('Are the gas cylinders still there? Photo of the lane, please.');
    await checkLayout(page, 'verification-1-request-dialog-375');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('On-site check requested from Aux Zhou').waitFor();
    await page.getByText('Check pending').first().waitFor();
    const [task] = await db().select().from(verifications).where(eq(verifications.tipId, tip.id));
    expect(task).to.include({ status: 'open', assignedToId: auxiliary.user.id, requestedById: officer.user.id });
    await page.getByRole('button', { name: 'Sign out' }).click();

    // The auxiliary opens the task on the phone desk and reports "Confirmed" with a photo.
    await page.goto(`${server.url}/verify`);
    await fillSignIn(page, auxiliary);
    await page.getByRole('heading', { name: 'On-site checks', level: 1 }).waitFor();
    await page.getByText('Gas cylinders and cardboard piled').waitFor();
    await checkLayout(page, 'verification-2-auxiliary-tasks-375');
    const body = await page.locator('body').innerText();
    expect(body).not.to.include('Mei Chen');
    expect(body).not.to.include(tip.reference);
    await page.getByRole('link', { name: 'Open task' }).first().click();
    await page.getByRole('heading', { name: 'What the police ask' }).waitFor();
    await page.getByRole('link', { name: 'Open in Amap' }).waitFor();
    const amap = await page.getByRole('link', { name: 'Open in Amap' }).getAttribute('href');
    expect(amap).to.match(/^https:\/\/uri\.amap\.com\/marker\?position=112\.5712,26\.8931&/);
    expect(await page.getByRole('link', { name: 'Open in a map app' }).getAttribute('href')).to.match(/^geo:26\.8931,112\.5712/);
    await page.getByRole('button', { name: 'Photo 1 of the tip' }).locator('img[src^="blob:"]').waitFor();
    await page.getByRole('button', { name: 'Submit report' }).click();
    await page.getByText('Choose a finding.').waitFor();
    await page.getByLabel('Confirmed').check();
    await page.getByLabel('What did you see?').fill('Three cylinders and a pile of boxes, the strip is still in use. Told the market office.');
    await page.locator('input[name="photos"]').setInputFiles({ name: 'lane.png', mimeType: 'image/png', buffer: await png() });
    await page.getByRole('img', { name: 'lane.png' }).waitFor();
    // The camera button opens the back camera on a phone.
    expect(await page.locator('input[capture="environment"]').count()).to.equal(1);
    await checkLayout(page, 'verification-3-auxiliary-report-375');
    await page.getByRole('button', { name: 'Submit report' }).click();
    await page.getByText('Reported. The police see your finding on the tip.').waitFor();
    await page.getByRole('button', { name: 'Photo 1 of the on-site check' }).locator('img[src^="blob:"]').waitFor();
    await checkLayout(page, 'verification-4-auxiliary-reported-375');
    const [reported] = await db().select().from(verifications).where(eq(verifications.id, task.id));
    expect(reported).to.include({ status: 'reported', finding: 'confirmed' });
    await page.getByRole('link', { name: 'Back to tasks' }).click();
    await page.getByRole('button', { name: 'Reported', exact: true }).click();
    await page.getByText('Confirmed ·').first().waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();

    // The officer sees the finding and its photo in the tip's history, and the queue's state.
    await page.goto(`${server.url}/police/tips/${tip.id}`);
    await fillSignIn(page, officer);
    await page.getByRole('heading', { name: tip.reference, level: 1 }).waitFor();
    await page.getByText('On-site check: Confirmed').waitFor();
    await page.getByText('Three cylinders and a pile of boxes').first().waitFor();
    await page.locator('section[aria-labelledby="tip-history"] img[src^="blob:"]').first().waitFor();
    await page.getByText('On-site check: Confirmed').scrollIntoViewIfNeeded();
    await checkLayout(page, 'verification-5-officer-finding-375');
    await page.goto(`${server.url}/police?verification=reported`);
    await page.getByRole('link', { name: tip.reference }).waitFor();
    await page.locator('table').getByText('Check reported').first().waitFor();
    expect(await page.getByLabel('On-site check').inputValue()).to.equal('reported');
    expect(errors).to.deep.equal([]);
  });

  it('shows an overdue check in red in the queue, and the desk in Chinese', async () => {
    const tip = await tipWithPhoto(volunteer, 'Loose power cable over the footpath by the school gate.');
    await api().post(`/api/tips/${tip.id}/verification`).set(officer.auth).send({ note: 'Check the cable' }).expect(201);
    clock.set(Date.now() + 25 * 3_600_000);
    const { page } = browser;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(`${server.url}/police?verification=overdue`);
    await fillSignIn(page, officer);
    await page.getByRole('link', { name: tip.reference }).waitFor();
    const badge = page.locator('table').getByText('Check overdue').first();
    await badge.waitFor();
    const colour = await badge.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(colour).to.equal('rgb(179, 38, 30)');
    await checkLayout(page, 'verification-6-queue-overdue-375');
    await page.getByRole('button', { name: 'Sign out' }).click();

    const zh = await openBrowser({ locale: 'zh-CN' });
    try {
      await zh.page.goto(`${server.url}/verify`);
      await fillSignIn(zh.page, auxiliary, CHINESE);
      await zh.page.getByRole('heading', { name: '现场核查任务', level: 1 }).waitFor();
      await zh.page.getByText('核查超时').first().waitFor();
      await checkLayout(zh.page, 'verification-7-auxiliary-tasks-zh-375');
      // The reported list, with the finding in Chinese.
      await zh.page.getByRole('button', { name: '已上报', exact: true }).click();
      await zh.page.getByText('属实').first().waitFor();
    } finally {
      await zh.close();
    }
  });
});
