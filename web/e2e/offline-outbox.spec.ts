import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { media, tips } from '../../api/src/db/schema/index';
import { db } from '../../api/test/support/harness';
import { createUser } from '../../api/test/support/factories';
import { jpegWithGps } from '../../api/test/support/images';
import { horizontalOverflow, shot } from './support/browser';
import { servedApp } from './support/served-app';
import { ENGLISH, fillSignIn } from './support/sign-in';

const WORDS = {
  'en-US': {
    category: 'Category',
    categoryName: 'Theft',
    description: 'Description',
    occurredAt: 'When did it happen',
    location: 'Location',
    district: 'District',
    districtName: 'Yanfeng',
    photos: 'Photos',
    submitTip: 'Submit tip',
    waiting: 'Waiting to send',
    received: 'Tip received',
    writtenDown: "I've written it down",
  },
  'zh-CN': {
    category: '线索类别',
    categoryName: '盗抢',
    description: '线索描述',
    occurredAt: '发生时间',
    location: '地点',
    district: '所属区县',
    districtName: '雁峰区',
    photos: '照片',
    submitTip: '提交线索',
    waiting: '等待发送',
    received: '线索已收到',
    writtenDown: '我已记下',
  },
} as const;

type Words = (typeof WORDS)[keyof typeof WORDS];

async function chooseOption(page: Page, label: string, text: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  await select.waitFor();
  await page.waitForFunction((el) => (el as HTMLSelectElement).options.length > 1 && !(el as HTMLSelectElement).disabled, await select.elementHandle());
  const options = await select.locator('option').evaluateAll((els) => els.map((el) => ({ value: (el as HTMLOptionElement).value, label: el.textContent ?? '' })));
  const choice = options.find((o) => o.value && o.label.includes(text));
  if (!choice) throw new Error(`no option containing "${text}" in ${label}`);
  await select.selectOption(choice.value);
}

/** Fills the report form online (categories and districts come from the API), with one photo. */
async function fillReport(page: Page, w: Words, description: string): Promise<void> {
  await page.getByLabel(w.description, { exact: true }).waitFor();
  await chooseOption(page, w.category, w.categoryName);
  await page.getByLabel(w.description, { exact: true }).fill(description);
  const when = await page.evaluate(() => {
    const d = new Date(Date.now() - 2 * 3600_000);
    d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
    return d.toISOString().slice(0, 16);
  });
  await page.getByLabel(w.occurredAt, { exact: true }).fill(when);
  await page.getByLabel(w.location, { exact: true }).fill('雁峰区先锋路88号');
  await chooseOption(page, w.district, w.districtName);
  await page.getByLabel(w.photos, { exact: true }).setInputFiles({ name: 'IMG_3001.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps() });
  await page.locator('img[src^="blob:"]').first().waitFor();
}

async function rowsWith(description: string) {
  return db().select().from(tips).where(eq(tips.description, description));
}

/** What the outbox holds on the device (IndexedDB), as the page sees it. */
async function outboxOnDevice(page: Page): Promise<{ status: string; photos: number; key: string }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('hy-outbox', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('tips', { keyPath: 'id' });
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('tips').objectStore('tips').getAll();
          all.onsuccess = () => {
            resolve((all.result as { status: string; photos: unknown[]; id: string }[]).map((t) => ({ status: t.status, photos: t.photos.length, key: t.id })));
            open.result.close();
          };
        };
      }),
  );
}

async function waitVisible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
}

for (const locale of ['en-US', 'zh-CN'] as const) {
  const w = WORDS[locale];
  const isSignedIn = locale === 'en-US';

  describe(`web: a tip written offline waits on the phone and is sent once when the connection returns (${locale}, ${isSignedIn ? 'signed in' : 'anonymous'})`, function () {
    this.timeout(120_000);
    const served = servedApp({ locale });

    it('keeps the tip with its photo, shows it waiting, and sends it exactly once on reconnection', async () => {
      const { page, context } = served.browser;
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      const answers: number[] = [];
      page.on('response', (res) => {
        if (res.request().method() === 'POST' && res.url().endsWith('/api/tips')) answers.push(res.status());
      });
      const keys = new Set<string>();
      page.on('request', (req) => {
        if (req.method() === 'POST' && req.url().endsWith('/api/tips')) keys.add(req.headers()['idempotency-key'] ?? '');
      });

      if (isSignedIn) {
        const volunteer = await createUser({ role: 'volunteer' });
        await page.goto(`${served.server.url}/sign-in`);
        await fillSignIn(page, volunteer, ENGLISH);
        await page.getByRole('button', { name: 'Sign out' }).waitFor();
      }
      await page.goto(`${served.server.url}/report`);
      await page.evaluate(async () => navigator.serviceWorker.ready);
      const description =
        locale === 'en-US'
          ? 'Offline report: a man took a moped from the rack outside the hospital gate.'
          : '离线举报：有人在医院门口的停车架撬走了一辆电动车。';
      await fillReport(page, w, description);

      await context.setOffline(true);
      await page.getByRole('button', { name: w.submitTip }).click();
      await page.getByRole('heading', { name: new RegExp(w.waiting) }).waitFor();
      await waitVisible(page.getByText(w.waiting, { exact: true }));
      await shot(page, `offline-${locale}-1-waiting`);
      expect(await horizontalOverflow(page), 'the waiting screen scrolls sideways').to.equal(0);
      expect(await rowsWith(description)).to.have.length(0);
      const [queued] = await outboxOnDevice(page);
      expect(queued).to.include({ status: 'waiting', photos: 1 });
      expect(queued!.key.length).to.be.at.least(32);

      // Still offline, a reload keeps it waiting: the page comes from the service worker, the tip from IndexedDB.
      await page.reload();
      await page.getByRole('heading', { name: new RegExp(w.waiting) }).waitFor();

      await context.setOffline(false);
      await page.getByRole('heading', { name: w.received }).waitFor({ timeout: 30_000 });
      const reference = (await page.getByText(/^HY-\d{8}-\d{4,}$/).first().textContent())!.trim();
      if (!isSignedIn) {
        // The anonymous tipster's one-time access code, shown now that the tip is sent.
        await waitVisible(page.getByText(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/));
        await shot(page, `offline-${locale}-2-sent`);
        await page.getByRole('button', { name: w.writtenDown }).click();
      } else {
        await shot(page, `offline-${locale}-2-sent`);
      }

      // Another reconnection and another page load send nothing more.
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await page.reload();
      await page.getByLabel(w.description, { exact: true }).waitFor();
      const rows = await rowsWith(description);
      expect(rows, 'exactly one tip in the database').to.have.length(1);
      expect(rows[0]).to.include({ reference, isAnonymous: !isSignedIn });
      expect(await db().select().from(media).where(eq(media.tipId, rows[0]!.id))).to.have.length(1);
      expect([...keys], 'one Idempotency-Key for every attempt').to.have.length(1);
      expect(answers.filter((s) => s === 201)).to.have.length(1);
      expect(await outboxOnDevice(page), 'nothing left on the device').to.deep.equal([]);
      expect(errors).to.deep.equal([]);
    });
  });
}
