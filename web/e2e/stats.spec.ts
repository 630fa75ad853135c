import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { tips, verifications } from '../../api/src/db/schema/index';
import { clearPublicFiguresCache } from '../../api/src/modules/stats/public-figures';
import { db, harness, listen, resetDb } from '../../api/test/support/harness';
import { createUser, type TestUser } from '../../api/test/support/factories';
import { tipIn } from '../../api/test/support/police';
import { call } from './support/api-call';
import { CHINESE, fillSignIn } from './support/sign-in';
import { horizontalOverflow, openBrowser, shot, type Browser } from './support/browser';

type Server = { url: string; close: () => Promise<void> };

/** The first day of the month `back` whole months before this one (Asia/Shanghai), at 09:00. */
function monthsAgo(back: number, day = 10): Date {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, day, 1));
}

let seq = 0;
const crafted = (n: number, o: { districtId: number; category: string; at: Date }) =>
  Array.from({ length: n }, () => ({
    reference: `HY-E2E-STATS-${++seq}`,
    category: o.category,
    description: '统计页面测试',
    occurredAt: o.at,
    districtId: o.districtId,
    isAnonymous: true,
    // Decided long ago: they are no part of the police backlog.
    status: 'valid' as const,
    createdAt: o.at,
  }));

/** Total layout shift the page has had so far (Chromium's layout-shift entries, without input). */
const layoutShift = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) sum += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(sum), 300);
      }),
  );

describe('statistics pages: public figures signed out, police statistics with charts', function () {
  this.timeout(120_000);
  let server: Server;
  let browser: Browser | undefined;
  let supervisor: TestUser;
  let admin: TestUser;

  before(async () => {
    await resetDb();
    clearPublicFiguresCache();
    [supervisor, admin] = await Promise.all([
      createUser({ role: 'supervisor', districtId: 1, displayName: 'Supervisor Zhao' }),
      createUser({ role: 'admin', displayName: 'Admin Chen' }),
    ]);
    // Public months: fraud in three districts over three months, drugs (city-wide only).
    await db()
      .insert(tips)
      .values([
        ...crafted(12, { districtId: 1, category: 'fraud', at: monthsAgo(3) }),
        ...crafted(7, { districtId: 2, category: 'fraud', at: monthsAgo(3) }),
        ...crafted(3, { districtId: 3, category: 'fraud', at: monthsAgo(3) }),
        ...crafted(18, { districtId: 1, category: 'fraud', at: monthsAgo(2) }),
        ...crafted(9, { districtId: 2, category: 'fraud', at: monthsAgo(2) }),
        // Last month's 10th lies inside the police page's last 30 days early in a month: not district 1's.
        ...crafted(25, { districtId: 6, category: 'fraud', at: monthsAgo(1) }),
        ...crafted(6, { districtId: 4, category: 'fraud', at: monthsAgo(1) }),
        ...crafted(8, { districtId: 5, category: 'drugs', at: monthsAgo(1) }),
      ]);
    // The police period (the last 30 days): tips of district 1 now, some decided.
    const reporters = await Promise.all([0, 1, 2].map(() => createUser({ role: 'volunteer', districtId: 1 })));
    const made = [];
    for (let i = 0; i < 6; i++)
      made.push(await tipIn(1, { reporter: reporters[i % 3], input: { category: i % 2 ? 'traffic' : 'fraud', description: `测试线索第${i + 1}条，路口经常有车辆违规停放。` } }));
    server = await listen(harness().app);
    for (const [i, t] of made.slice(0, 4).entries()) await call(server, supervisor, 'POST', `/tips/${t.id}/triage`, { decision: i === 3 ? 'invalid' : 'valid' });

    // On-site checks of district 1: on time, reported a day late, never reported (past due now),
    // and one due after the period. Due in the period: 3; overdue among them: 2; open past due now: 1.
    const auxiliary = await createUser({ role: 'auxiliary', districtId: 1 });
    const DAY = 86_400_000;
    const now = Date.now();
    const checks = [
      { tip: made[0], dueAt: now - 5 * DAY, reportedAt: now - 6 * DAY },
      { tip: made[1], dueAt: now - 4 * DAY, reportedAt: now - 3 * DAY },
      { tip: made[2], dueAt: now - 2 * DAY, reportedAt: null },
      { tip: made[3], dueAt: now + 2 * DAY, reportedAt: null },
    ];
    for (const c of checks) {
      const reportedAt = c.reportedAt === null ? null : new Date(c.reportedAt);
      await db()
        .insert(verifications)
        .values({
          tipId: c.tip.id,
          communityId: auxiliary.user.communityId!,
          assignedToId: auxiliary.user.id,
          requestedById: supervisor.user.id,
          note: '请到现场核实',
          dueAt: new Date(c.dueAt),
          createdAt: new Date(c.dueAt - 2 * DAY),
          ...(reportedAt ? { status: 'reported' as const, finding: 'confirmed' as const, reportedById: auxiliary.user.id, reportedAt } : {}),
        });
      await db()
        .update(tips)
        .set({ verificationStatus: reportedAt ? 'reported' : 'open', verificationDueAt: new Date(c.dueAt) })
        .where(eq(tips.id, c.tip.id));
    }
  });

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });
  after(async () => {
    await server?.close();
  });

  it('shows the public figures signed out on a phone, in Chinese, from the home page footer', async () => {
    browser = await openBrowser();
    const { page } = browser;
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: '线索数据公开' }).click();
    await page.getByRole('heading', { name: '线索数据公开', level: 1 }).waitFor();
    await page.locator('.uplot canvas').first().waitFor();
    await page.getByRole('cell', { name: '<5' }).first().waitFor();
    await page.getByRole('cell', { name: '不公开' }).first().waitFor();
    expect(await page.getByRole('row').filter({ hasText: '雁峰区' }).count()).to.be.greaterThan(0);
    expect(await horizontalOverflow(page)).to.equal(0);
    expect(await layoutShift(page)).to.be.below(0.05);
    await shot(page, 'stats-public-zh-375');
  });

  it('gives the sensitive categories city-wide only, in English', async () => {
    browser = await openBrowser({ locale: 'en-US' });
    const { page } = browser;
    await page.goto(`${server.url}/stats`);
    await page.getByRole('heading', { name: 'Tips in figures', level: 1 }).waitFor();
    await page.getByLabel('Category').selectOption('drugs');
    await page.getByText('Shown for the whole city only.', { exact: true }).waitFor();
    await page.locator('.uplot canvas').first().waitFor();
    expect(await horizontalOverflow(page)).to.equal(0);
    await shot(page, 'stats-public-en-375-sensitive');
  });

  it("shows a supervisor their district's figures and charts from the Statistics link", async () => {
    browser = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const { page } = browser;
    await page.goto(`${server.url}/police`);
    await fillSignIn(page, supervisor);
    await page.getByRole('link', { name: 'Statistics' }).click();
    await page.getByRole('heading', { name: 'Statistics', level: 1 }).waitFor();
    const card = (label: string) => page.locator('dl > div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd').first();
    await page.waitForFunction(() => !document.body.textContent?.includes('Updating'));
    await page.getByText(/^Yanfeng/).first().waitFor();
    expect(await card('Tips submitted').textContent()).to.equal('6');
    expect(await card('Backlog (undecided now)').textContent()).to.equal('2');
    expect(await card('Active volunteers').textContent()).to.equal('3');
    expect(await card('Valid-tip rate').textContent()).to.equal('75%');
    expect(await card('On-site checks overdue').textContent()).to.equal('2');
    await page.getByText('of 3 due in the period; 1 open past due now', { exact: true }).waitFor();
    await page.locator('.uplot canvas').first().waitFor();
    expect(await layoutShift(page)).to.be.below(0.05);
    await shot(page, 'stats-police-supervisor');
  });

  it('lets an admin pick the city or a district on a phone, in Chinese, without sideways scrolling', async () => {
    browser = await openBrowser();
    const { page } = browser;
    await page.goto(`${server.url}/police/stats`);
    await fillSignIn(page, admin, CHINESE);
    await page.getByRole('heading', { name: '统计', level: 1 }).waitFor();
    await page.getByText(/^全市，/).waitFor();
    await page.getByRole('region', { name: '按辖区' }).waitFor();
    await page.locator('.uplot canvas').first().waitFor();
    expect(await horizontalOverflow(page)).to.equal(0);
    await shot(page, 'stats-police-admin-zh-375-city');
    await page.getByLabel('辖区', { exact: true }).selectOption({ label: '雁峰区' });
    await page.getByText(/^雁峰区，/).waitFor();
    const card = (label: string) => page.locator('dl > div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd').first();
    await page.waitForFunction(() => !document.body.textContent?.includes('正在更新'));
    expect(await card('逾期未核查').textContent()).to.equal('2');
    await page.getByText('本期应核查 3 项；当前逾期未报 1 项', { exact: true }).waitFor();
    await page.getByLabel('时间段').selectOption('custom');
    await page.getByLabel('开始日期').waitFor();
    expect(await horizontalOverflow(page)).to.equal(0);
    await shot(page, 'stats-police-admin-zh-375-district');
  });
});
