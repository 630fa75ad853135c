import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { communities } from '../../api/src/db/schema/index';
import { db, harness, listen } from '../../api/test/support/harness';
import { createUser, type TestUser } from '../../api/test/support/factories';
import { CHINESE, ENGLISH, fillSignIn } from './support/sign-in';
import { horizontalOverflow, openBrowser, shot, type Browser } from './support/browser';
import { pickCommunity, searchCommunity } from './support/places';

async function checkLayout(page: Page, name: string): Promise<void> {
  await shot(page, name);
  expect(await horizontalOverflow(page), `${name} scrolls sideways`).to.equal(0);
}

const WORDS = {
  'en-US': {
    signIn: ENGLISH,
    title: 'Organizer dashboard',
    district: 'District',
    districtName: 'Changning City',
    community: 'Community',
    search: 'chengdong',
    communityName: 'Chengdong Community',
    members: 'Members',
    by: 'keyboard',
  },
  'zh-CN': {
    signIn: CHINESE,
    title: '组织员工作台',
    district: '区县',
    districtName: '常宁市',
    community: '社区',
    search: '城东',
    communityName: '城东社区',
    members: '成员',
    by: 'tap',
  },
} as const;

describe('web: an admin picks any community of the city on the organizer dashboard (phone)', function () {
  this.timeout(180_000);
  let server: { url: string; close: () => Promise<void> };
  let admin: TestUser;
  let member: TestUser;

  before(async () => {
    server = await listen(harness().app);
    // 城东社区 of 常宁市: far outside the first page of the city's 2,760 communities.
    const [chengdong] = await db().select().from(communities).where(eq(communities.code, '430482001001'));
    admin = await createUser({ role: 'admin' });
    member = await createUser({ districtId: 12, communityId: chengdong.id, displayName: '常宁志愿者小周' });
  });
  after(async () => {
    await server?.close();
  });

  for (const locale of Object.keys(WORDS) as (keyof typeof WORDS)[]) {
    it(`searches, picks and shows that community's card and members (${locale})`, async () => {
      const w = WORDS[locale];
      const browser: Browser = await openBrowser({ locale });
      try {
        const { page } = browser;
        const errors: string[] = [];
        page.on('pageerror', (err) => errors.push(err.message));
        await page.goto(`${server.url}/sign-in?next=/organizer`);
        await fillSignIn(page, admin, w.signIn);
        await page.getByRole('heading', { name: w.title, level: 1 }).waitFor();

        const district = page.getByLabel(w.district, { exact: true });
        await page.waitForFunction((el) => (el as HTMLSelectElement).options.length > 1, await district.elementHandle());
        await district.selectOption({ label: w.districtName });
        await searchCommunity(page, { label: w.community, search: w.search, name: w.communityName });
        await checkLayout(page, `organizer-admin-${locale}-1-search`);
        await pickCommunity(page, { label: w.community, search: w.search, name: w.communityName, by: w.by });

        const table = page.getByRole('table', { name: w.members });
        await table.getByRole('rowheader', { name: member.user.displayName }).waitFor();
        // The list of the community shown before may still be on screen while the picked one's
        // arrives (a loaded machine, once in CI): wait for the table to settle, then count.
        await page
          .waitForFunction((el) => el?.querySelectorAll('tr').length === 2, await table.elementHandle(), { timeout: 5000 })
          .catch(() => undefined);
        expect(await table.getByRole('row').count(), 'header and the one member').to.equal(2);
        await page.locator('p', { hasText: w.communityName }).first().waitFor();
        await checkLayout(page, `organizer-admin-${locale}-2-picked`);
        expect(await page.content()).to.not.include(member.phone);
        expect(errors).to.deep.equal([]);
      } finally {
        await browser.close();
      }
    });
  }
});
