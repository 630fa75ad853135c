import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { redemptions } from '../../api/src/db/schema/index';
import { api, db, harness, listen } from '../../api/test/support/harness';
import { createTip, createUser, type TestUser } from '../../api/test/support/factories';
import { balanceOf, makeReward } from '../../api/test/support/points-helpers';
import { CHINESE, ENGLISH, fillSignIn, type SignInWords } from './support/sign-in';
import { horizontalOverflow, openBrowser, shot, type Browser } from './support/browser';

async function signIn(page: Page, url: string, who: TestUser, words: SignInWords) {
  await fillSignIn(page, who, words);
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in') && u.origin === new URL(url).origin);
}

async function checkLayout(page: Page, name: string): Promise<void> {
  await shot(page, name);
  expect(await horizontalOverflow(page), `${name} scrolls sideways`).to.equal(0);
}

describe('web: a volunteer earns points, redeems a reward, and the organizer hands it over', function () {
  this.timeout(120_000);
  let server: { url: string; close: () => Promise<void> };
  let volunteer: TestUser;
  let organizer: TestUser;
  const rewardEn = 'Safe Hengyang badge (browser test)';
  const rewardZh = '平安衡阳徽章（浏览器测试）';

  before(async () => {
    server = await listen(harness().app);
    volunteer = await createUser({ displayName: 'Ann Lee' });
    organizer = await createUser({ role: 'organizer', communityId: volunteer.user.communityId!, displayName: '组织员刘姐' });
    const supervisor = await createUser({ role: 'supervisor' });
    const { tip } = await createTip(volunteer);
    await api().post(`/api/tips/${tip.id}/triage`).set(supervisor.auth).send({ decision: 'valid', priority: 'high' }).expect(200);
    await makeReward({ nameEn: rewardEn, nameZh: rewardZh, cost: 20, stock: 3, descriptionEn: 'An enamel pin for volunteers.' });
  });
  after(async () => {
    await server?.close();
  });

  describe('the volunteer (phone, English)', () => {
    let browser: Browser;
    before(async () => {
      browser = await openBrowser({ locale: 'en-US' });
    });
    after(async () => {
      await browser?.close();
    });

    it('sees the points of the validated tip, then redeems a reward after confirming', async () => {
      const { page } = browser;
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(`${server.url}/sign-in?next=/points`);
      await signIn(page, server.url, volunteer, ENGLISH);

      await page.getByRole('heading', { name: 'Points', level: 1 }).waitFor();
      await page.getByTestId('points-balance').filter({ hasText: '20 points' }).waitFor();
      await page.getByText('Tip judged valid').waitFor();
      expect(await page.getByText('High-priority bonus').isVisible()).to.equal(true);
      await checkLayout(page, 'points-1-volunteer-points');

      await page.getByRole('link', { name: 'Rewards' }).click();
      await page.getByRole('heading', { name: 'Rewards', level: 1 }).waitFor();
      await page.getByRole('button', { name: `Redeem ${rewardEn}` }).click();
      const confirm = page.getByRole('group', { name: `Redeem “${rewardEn}”?` });
      await confirm.waitFor();
      expect(await confirm.getByText('Balance afterwards: 0 points').isVisible()).to.equal(true);
      await checkLayout(page, 'points-2-volunteer-confirm');
      await confirm.getByRole('button', { name: 'Confirm' }).click();

      await page.getByText(`You redeemed “${rewardEn}”`).waitFor();
      await page.getByText('Waiting for hand-over').waitFor();
      await checkLayout(page, 'points-3-volunteer-redeemed');
      expect(await balanceOf(volunteer)).to.equal(0);

      await page.getByRole('navigation').getByRole('link', { name: 'Leaderboard' }).click();
      await page.getByRole('heading', { name: 'Leaderboard', level: 1 }).waitFor();
      await page.getByTestId('own-rank').filter({ hasText: 'Your rank' }).waitFor();
      const mine = page.locator('li[aria-current="true"]');
      await mine.waitFor();
      expect(await mine.textContent()).to.include('Ann Lee');
      // A person taps the segment's label.
      await page.locator('label', { hasText: 'All time' }).click();
      expect(await page.getByLabel('All time').isChecked()).to.equal(true);
      await page.locator('label', { hasText: 'My community' }).click();
      expect(await page.getByLabel('My community').isChecked()).to.equal(true);
      await mine.waitFor();
      await checkLayout(page, 'points-4-volunteer-leaderboard');
      expect(errors).to.deep.equal([]);
    });
  });

  describe('the organizer (desk, Chinese)', () => {
    let browser: Browser;
    before(async () => {
      browser = await openBrowser({ locale: 'zh-CN', viewport: { width: 1280, height: 860 } });
    });
    after(async () => {
      await browser?.close();
    });

    it('sees the redemption in the queue and marks it handed over', async () => {
      const { page } = browser;
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(`${server.url}/sign-in?next=/organizer`);
      await signIn(page, server.url, organizer, CHINESE);

      await page.getByRole('heading', { name: '组织员工作台', level: 1 }).waitFor();
      const fulfil = page.getByRole('button', { name: `标记已发放: ${rewardZh}, Ann Lee` });
      await fulfil.waitFor();
      // The activity chart is drawn by the lazily loaded uPlot, once it is on screen.
      await page.locator('figure [role="img"]').scrollIntoViewIfNeeded();
      await page.locator('.uplot canvas').first().waitFor();
      await checkLayout(page, 'points-5-organizer-queue');
      await fulfil.click();
      await page.getByText('已标记为发放。').waitFor();
      await page.getByText('没有待发放的兑换。').waitFor();
      await checkLayout(page, 'points-6-organizer-fulfilled');

      const [row] = await db().select().from(redemptions).where(eq(redemptions.userId, volunteer.user.id));
      expect(row.status).to.equal('fulfilled');
      expect(row.decidedById).to.equal(organizer.user.id);
      expect(await page.content()).to.not.include(volunteer.phone);
      expect(errors).to.deep.equal([]);
    });
  });
});
