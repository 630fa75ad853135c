import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { communities, media, tips, users } from '../../api/src/db/schema/index';
import { db, harness, listen } from '../../api/test/support/harness';
import { nextPhone } from '../../api/test/support/factories';
import { jpegWithGps } from '../../api/test/support/images';
import { horizontalOverflow, openBrowser, shot, type Browser } from './support/browser';
import { pickCommunity, searchCommunity } from './support/places';

/** What a person reads on the screen, in each language (English names are the contract's). */
const WORDS = {
  'en-US': {
    register: 'Register',
    signOut: 'Sign out',
    phone: 'Phone',
    password: 'Password',
    displayName: 'Display name',
    district: 'District',
    township: 'Township',
    townshipName: 'Tianmashan',
    community: 'Community',
    communitySearch: 'Yue Ping',
    communityName: 'Yueping Community',
    reportTip: 'Report a tip',
    myTips: 'My tips',
    category: 'Category',
    description: 'Description',
    occurredAt: 'When did it happen',
    location: 'Location',
    photos: 'Photos',
    submitTip: 'Submit tip',
    received: 'Tip received',
    submitted: 'Tip submitted',
    reportDistrict: 'District',
    emergency: /110/,
    districtName: 'Yanfeng',
    categoryName: 'Theft',
  },
  'zh-CN': {
    register: '注册',
    signOut: '退出登录',
    phone: '手机号',
    password: '密码',
    displayName: '昵称',
    district: '区县',
    township: '乡镇/街道',
    townshipName: '天马山',
    community: '社区',
    communitySearch: 'ypsq',
    communityName: '岳屏社区',
    reportTip: '举报线索',
    myTips: '我的线索',
    category: '线索类别',
    description: '线索描述',
    occurredAt: '发生时间',
    location: '地点',
    photos: '照片',
    submitTip: '提交线索',
    received: '线索已收到',
    submitted: '线索已提交',
    reportDistrict: '所属区县',
    emergency: /110/,
    districtName: '雁峰区',
    categoryName: '盗抢',
  },
} as const;

type Locale = keyof typeof WORDS;

/** Picks the first option whose label contains the text (option values are ids the person never sees). */
async function chooseOption(page: Page, label: string, text: string | null): Promise<string> {
  const select = page.getByLabel(label, { exact: true });
  await waitForOptions(select);
  const options = await select.locator('option').evaluateAll((els) =>
    els.map((el) => ({ value: (el as HTMLOptionElement).value, label: el.textContent ?? '' })),
  );
  const choice = options.find((o) => o.value && (text === null || o.label.includes(text)));
  if (!choice) throw new Error(`no option containing "${text}" in ${label}: ${options.map((o) => o.label).join(', ')}`);
  await select.selectOption(choice.value);
  return choice.label;
}

/** Waits until the select has loaded its options from the API. */
async function waitForOptions(select: ReturnType<Page['getByLabel']>): Promise<void> {
  await select.waitFor();
  await select.page().waitForFunction(
    (el) => (el as HTMLSelectElement).options.length > 1 && !(el as HTMLSelectElement).disabled,
    await select.elementHandle(),
  );
}

async function checkLayout(page: Page, name: string): Promise<void> {
  await shot(page, name);
  expect(await horizontalOverflow(page), `${name} scrolls sideways`).to.equal(0);
}

describe('web: a volunteer registers, reports a tip with a photo and follows it (phone)', function () {
  this.timeout(120_000);
  let server: { url: string; close: () => Promise<void> };

  before(async () => {
    server = await listen(harness().app);
  });
  after(async () => {
    await server.close();
  });

  for (const locale of Object.keys(WORDS) as Locale[]) {
    describe(`in ${locale}`, () => {
      const w = WORDS[locale];
      let browser: Browser;
      before(async () => {
        browser = await openBrowser({ locale });
      });
      after(async () => {
        await browser?.close();
      });

      it('registers, reports with a photo and sees it with its timeline in My tips', async () => {
        const { page } = browser;
        const errors: string[] = [];
        page.on('pageerror', (err) => errors.push(err.message));

        await page.goto(server.url);
        await page.getByRole('link', { name: w.register, exact: true }).first().waitFor();
        await checkLayout(page, `journey-${locale}-1-home`);
        await page.getByRole('link', { name: w.register, exact: true }).first().click();

        const phone = nextPhone();
        await page.getByLabel(w.phone, { exact: true }).fill(phone);
        await page.getByLabel(w.password, { exact: true }).fill('Quiet-river-42');
        await page.getByLabel(w.displayName, { exact: true }).fill(locale === 'en-US' ? 'Ann Lee' : '热心市民');
        await chooseOption(page, w.district, w.districtName);
        await chooseOption(page, w.township, w.townshipName);
        // Searched by pinyin (English) or initials (Chinese), picked by keyboard or by tap.
        await searchCommunity(page, { label: w.community, search: w.communitySearch, name: w.communityName });
        await checkLayout(page, `journey-${locale}-2-register-search`);
        await pickCommunity(page, { label: w.community, search: w.communitySearch, name: w.communityName, by: locale === 'en-US' ? 'keyboard' : 'tap' });
        await checkLayout(page, `journey-${locale}-2-register`);
        await page.locator('form').getByRole('button', { name: w.register, exact: true }).click();

        // Registered and signed in (the header offers to sign out): the report page is one tap away.
        await page.getByRole('button', { name: w.signOut }).waitFor();
        await page.getByRole('navigation').getByRole('link', { name: w.reportTip }).click();
        await page.getByLabel(w.description, { exact: true }).waitFor();
        expect(await page.getByText(w.emergency).first().isVisible()).to.equal(true);
        await chooseOption(page, w.category, w.categoryName);
        const description =
          locale === 'en-US'
            ? 'Two men were trying car doors in the car park behind the market at night.'
            : '晚上有两名男子在市场后面的停车场挨个拉车门，形迹可疑。';
        await page.getByLabel(w.description, { exact: true }).fill(description);
        // Two hours ago, in the browser's own time zone (what a datetime-local field shows).
        const when = await page.evaluate(() => {
          const d = new Date(Date.now() - 2 * 3600_000);
          d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
          return d.toISOString().slice(0, 16);
        });
        await page.getByLabel(w.occurredAt, { exact: true }).fill(when);
        await page.getByLabel(w.location, { exact: true }).fill('雁峰区先锋路88号');
        await chooseOption(page, w.reportDistrict, w.districtName);
        await page.getByLabel(w.photos, { exact: true }).setInputFiles({
          name: 'IMG_2041.jpg',
          mimeType: 'image/jpeg',
          buffer: await jpegWithGps(),
        });
        await page.locator('img[src^="blob:"]').first().waitFor();
        await checkLayout(page, `journey-${locale}-3-report`);
        await page.getByRole('button', { name: w.submitTip }).click();

        await page.getByRole('heading', { name: w.received }).waitFor();
        const reference = (await page.getByText(/^HY-\d{8}-\d{4,}$/).textContent())!.trim();
        await checkLayout(page, `journey-${locale}-4-submitted`);

        const [user] = await db().select().from(users).where(eq(users.phone, phone));
        expect(user, 'the registration reached the database').to.not.equal(undefined);
        const [community] = await db().select().from(communities).where(eq(communities.id, user.communityId!));
        expect(community).to.include({ code: '430406003001', nameZh: '岳屏社区' });
        const [tip] = await db().select().from(tips).where(eq(tips.reference, reference));
        expect(tip).to.include({ reporterId: user.id, districtId: 1, category: 'theft_robbery', description });
        expect(await db().select().from(media).where(eq(media.tipId, tip.id))).to.have.length(1);

        await page.getByRole('navigation').getByRole('link', { name: w.myTips }).click();
        const item = page.getByRole('link').filter({ hasText: reference });
        await item.waitFor();
        await checkLayout(page, `journey-${locale}-5-my-tips`);
        await item.click();

        await page.getByText(w.submitted).first().waitFor();
        // The photo loads through the authorised route (an <img> that failed has naturalWidth 0).
        await page.waitForFunction(() => {
          const img = document.querySelector('main img');
          return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
        });
        expect(await page.getByText(description).isVisible()).to.equal(true);
        await checkLayout(page, `journey-${locale}-6-tip-detail`);
        expect(errors, 'page errors').to.deep.equal([]);
      });
    });
  }
});
