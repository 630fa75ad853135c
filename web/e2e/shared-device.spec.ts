import { expect } from 'chai';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { api, harness, listen } from '../../api/test/support/harness';
import { createTip, createUser, type TestUser } from '../../api/test/support/factories';
import { tipIn } from '../../api/test/support/police';
import { openBrowser, type Browser } from './support/browser';
import { armAndClick, cachedQueryCount, cacheHolding, installLeakWatch, leaksOf, watchFor } from './support/leak-watch';
import { fillSignIn } from './support/sign-in';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What IndexedDB holds of the tip drafts' photos, by owner (web/src/features/tips/draft/photo-draft-db.ts). */
function draftPhotoOwners(page: Page): Promise<(string | null)[]> {
  return page.evaluate(
    () =>
      new Promise<(string | null)[]>((resolve, reject) => {
        const open = indexedDB.open('hy-drafts', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('photos', { keyPath: 'id' });
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('photos', 'readonly').objectStore('photos').getAll();
          all.onsuccess = () => {
            resolve((all.result as { ownerId?: string | null }[]).map((r) => r.ownerId ?? null));
            open.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

describe('shared devices: nothing of one user survives sign-out on the same page (issue 15)', function () {
  this.timeout(180_000);
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser | undefined;
  let supervisor: TestUser;

  before(async () => {
    server = await listen(harness().app);
    supervisor = await createUser({ role: 'supervisor', districtId: 1 });
  });
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });
  after(async () => {
    await server?.close();
  });

  const validate = (tipId: string) =>
    api().post(`/api/tips/${tipId}/triage`).set(supervisor.auth).send({ decision: 'valid' }).expect(200);

  it('shows an officer of 耒阳市 who signs in within 5 s nothing of the 雁峰区 officer: no reference, description or reporter record, in the DOM or the cache (desk, English)', async () => {
    const [yanfeng, leiyang, reporter] = await Promise.all([
      createUser({ role: 'officer', districtId: 1, displayName: 'Officer Yanfeng' }),
      createUser({ role: 'officer', districtId: 11, displayName: 'Officer Leiyang' }),
      createUser({ role: 'volunteer', districtId: 1 }),
    ]);
    // The reporter's record the 雁峰区 officer sees: 2 of 3 other tips valid.
    const earlier = [await tipIn(1, { reporter }), await tipIn(1, { reporter }), await tipIn(1, { reporter })];
    await validate(earlier[0]!.id);
    await validate(earlier[1]!.id);
    const secretText = 'Yanfeng only: a grey van swaps its plates behind the Huiyuan market at dawn.';
    const secret = await tipIn(1, { reporter, input: { description: secretText } });
    const own = await tipIn(11, { input: { description: 'Leiyang: a generator runs all night by the river bridge.' } });

    browser = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const { page, context } = browser;
    await installLeakWatch(context);
    await page.goto(`${server.url}/sign-in?next=/police`);
    await fillSignIn(page, yanfeng);
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    await page.getByRole('link', { name: secret.reference, exact: true }).click();
    await page.getByRole('heading', { name: secret.reference, level: 1 }).waitFor();
    await page.getByText(secretText).first().waitFor();
    const recordLine = '2 of 3 other tips valid';
    await page.getByText(recordLine).waitFor();

    // A refetch of the officer's queue is still on the wire when they sign out: its answer comes back
    // after the next officer has signed in, and must not land anywhere.
    let lateAnswers = 0;
    await context.route('**/api/queue?**', async (route) => {
      const response = await route.fetch();
      await pause(2500);
      lateAnswers += 1;
      await route.fulfill({ response });
    });
    await page.evaluate(() => {
      const client = (window as unknown as { __HY_QUERY_CLIENT__: { refetchQueries: (f: { type: 'all' }) => Promise<void> } })
        .__HY_QUERY_CLIENT__;
      void client.refetchQueries({ type: 'all' });
    });
    await pause(200);

    const markers = [secret.reference, secretText, secret.id, recordLine, "Reporter's track record", ...earlier.map((t) => t.reference), 'Officer Yanfeng'];
    const signedOutAt = Date.now();
    await armAndClick(page, markers, 'Sign out');

    // The desk's sign-out leaves the next officer on the sign-in form, on the same page (no reload).
    await fillSignIn(page, leiyang);
    const signInTook = Date.now() - signedOutAt;
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    await page.getByRole('link', { name: own.reference, exact: true }).waitFor();
    expect(await cacheHolding(page, markers)).to.deep.equal([]);
    await watchFor(page, 2000);
    for (const deadline = Date.now() + 10_000; lateAnswers < 2 && Date.now() < deadline; ) await pause(100);

    expect(signInTook, 'the second officer signed in within 5 s').to.be.below(5000);
    expect(lateAnswers, 'the first officer’s refetch came back after the switch').to.be.at.least(1);
    expect(await leaksOf(page)).to.deep.equal([]);
    expect(await cachedQueryCount(page)).to.be.above(0);
    expect(await cacheHolding(page, markers)).to.deep.equal([]);
    await page.getByText('Officer Leiyang').waitFor();
    expect(await page.getByText(secret.reference).count()).to.equal(0);
  });

  it('shows a volunteer who signs in after another nothing of theirs: tips, points, name, draft and its photo (phone, English)', async () => {
    const [alpha, beta] = await Promise.all([
      createUser({ districtId: 1, displayName: 'Mei Alpha-Yanfeng' }),
      createUser({ districtId: 11, displayName: 'Jun Beta-Leiyang' }),
    ]);
    const alphaText = 'Alpha only: bicycles vanish from the east gate rack every Friday evening.';
    const { tip: alphaTip } = await createTip(alpha, { districtId: 1, description: alphaText });
    await validate(alphaTip.id);
    const { tip: betaTip } = await createTip(beta, { districtId: 11, description: 'Beta: the school crossing light has been out for a week.' });
    const draftText = 'Alpha draft: a man photographs the bank entrance each morning.';

    browser = await openBrowser({ locale: 'en-US' });
    const { page, context } = browser;
    await installLeakWatch(context);
    const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

    await page.goto(`${server.url}/sign-in?next=/my-tips`);
    await fillSignIn(page, alpha);
    await page.getByRole('heading', { name: 'My tips', level: 1 }).waitFor();
    await page.getByText(alphaTip.reference).first().waitFor();
    await nav('Points');
    await page.getByText(`Tip ${alphaTip.reference}`).first().waitFor();
    await nav('Report a tip');
    await page.getByLabel('Description', { exact: true }).fill(draftText);
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#8a8' } }).png().toBuffer();
    await page.getByLabel('Photos', { exact: true }).setInputFiles({ name: 'door.png', mimeType: 'image/png', buffer: photo });
    await page.locator('img[src^="blob:"]').first().waitFor();
    for (const deadline = Date.now() + 5000; !(await draftPhotoOwners(page)).includes(alpha.user.id) && Date.now() < deadline; ) await pause(100);
    expect(await draftPhotoOwners(page)).to.deep.equal([alpha.user.id]);
    expect(await page.evaluate(() => sessionStorage.getItem('hy.tipDraft.v1'))).to.contain('Alpha draft');

    const markers = [alphaTip.reference, alphaText, draftText, alpha.user.displayName, alpha.phone];
    const signedOutAt = Date.now();
    await armAndClick(page, markers, 'Sign out');
    await page.getByRole('link', { name: 'Sign in', exact: true }).first().click();
    await fillSignIn(page, beta);
    const signInTook = Date.now() - signedOutAt;
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await nav('My tips');
    await page.getByText(betaTip.reference).first().waitFor();
    await nav('Points');
    await page.getByRole('heading', { name: 'Points', level: 1 }).waitFor();
    await nav('Report a tip');
    await page.getByLabel('Description', { exact: true }).waitFor();
    await watchFor(page, 2000);

    expect(signInTook, 'the second volunteer signed in within 5 s').to.be.below(5000);
    expect(await leaksOf(page)).to.deep.equal([]);
    expect(await cachedQueryCount(page)).to.be.above(0);
    expect(await cacheHolding(page, markers)).to.deep.equal([]);
    expect(await page.getByLabel('Description', { exact: true }).inputValue()).to.equal('');
    expect(await page.evaluate(() => sessionStorage.getItem('hy.tipDraft.v1') ?? '')).to.not.contain('Alpha draft');
    expect(await draftPhotoOwners(page)).to.not.include(alpha.user.id);
  });

  it('signs the other tabs out, and a switch to another user in one tab clears the other (phone, English)', async () => {
    const [alpha, beta] = await Promise.all([createUser({ displayName: 'Tab Alpha' }), createUser({ displayName: 'Tab Beta' })]);
    const { tip: alphaTip } = await createTip(alpha, { description: 'Tab alpha only: a dog left chained on the roof in the heat.' });
    const { tip: betaTip } = await createTip(beta, { description: 'Tab beta: sand trucks spill gravel on the ring road.' });

    browser = await openBrowser({ locale: 'en-US' });
    const { page: first, context } = browser;
    await installLeakWatch(context);
    await first.goto(`${server.url}/sign-in?next=/my-tips`);
    await fillSignIn(first, alpha);
    await first.getByText(alphaTip.reference).first().waitFor();
    const second = await context.newPage();
    await second.goto(`${server.url}/my-tips`);
    await second.getByText(alphaTip.reference).first().waitFor();

    // Signing out in the first tab signs the second out: it leaves My tips for Sign in, its cache empty.
    await armAndClick(first, [alphaTip.reference], 'Sign out');
    await second.waitForURL((url) => url.pathname === '/sign-in');
    expect(await cacheHolding(second, [alphaTip.reference, alpha.user.id])).to.deep.equal([]);

    // Someone else's session arriving in storage (another tab signing in as beta) is a switch in this tab too.
    await fillSignIn(second, alpha);
    await second.getByText(alphaTip.reference).first().waitFor();
    const login = await api().post('/api/auth/login').send({ phone: beta.phone, password: beta.password }).expect(200);
    await second.evaluate(() => {
      (window as unknown as { __hyLeakWatch: { markers: string[] } }).__hyLeakWatch.markers = [];
    });
    await first.evaluate(
      ([accessToken, refreshToken]) => localStorage.setItem('hy.auth', JSON.stringify({ accessToken, refreshToken })),
      [login.body.accessToken as string, login.body.refreshToken as string] as const,
    );
    await second.getByText(betaTip.reference).first().waitFor();
    expect(await second.getByText(alphaTip.reference).count()).to.equal(0);
    expect(await cacheHolding(second, [alphaTip.reference, alpha.user.id, alpha.user.displayName])).to.deep.equal([]);
  });
});
