import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { harness, listen } from '../../api/test/support/harness';
import { createUser, type TestUser } from '../../api/test/support/factories';
import { tipIn } from '../../api/test/support/police';
import { call } from './support/api-call';
import { CHINESE, ENGLISH, fillSignIn } from './support/sign-in';
import { openBrowser, shot, type Browser } from './support/browser';

/**
 * The server's English `message`s this test provokes; none may reach a page, in either language:
 * the web shows each error by its `code` (web/src/locales/{en,zh-CN}/common.json errors.code).
 */
const SERVER_TEXT = [/Tip not found/i, /Only a supervisor can release/i, /Your role may not use this/i];

const WORDS = {
  'zh-CN': {
    signIn: CHINESE,
    notFound: '未找到：可能已被删除，或你无权查看。',
    forbidden: '你的账号无权进行此操作。',
    claim: '领取',
    release: '释放领取',
  },
  'en-US': {
    signIn: ENGLISH,
    notFound: 'Not found: it may have been removed, or it is not yours to see.',
    forbidden: 'Your account may not do this.',
    claim: 'Claim',
    release: 'Release claim',
  },
} as const;

describe("web: API errors in the page's language, never the server's English (phone)", function () {
  this.timeout(120_000);
  let server: { url: string; close: () => Promise<void> };
  let officer: TestUser;
  let colleague: TestUser;
  let supervisor: TestUser;

  before(async () => {
    server = await listen(harness().app);
    [officer, colleague, supervisor] = await Promise.all([
      createUser({ role: 'officer', districtId: 3, displayName: '民警甲' }),
      createUser({ role: 'officer', districtId: 3, displayName: '民警乙' }),
      createUser({ role: 'supervisor', districtId: 3, displayName: '所长' }),
    ]);
  });
  after(async () => {
    await server?.close();
  });

  for (const locale of Object.keys(WORDS) as (keyof typeof WORDS)[]) {
    it(`shows a 404 and a 403 by their codes (${locale})`, async () => {
      const w = WORDS[locale];
      const browser: Browser = await openBrowser({ locale });
      try {
        const { page } = browser;
        const bodyText = () => page.locator('body').innerText();

        // 404: a tip that does not exist (or is not the officer's to see).
        await page.goto(`${server.url}/sign-in?next=/police/tips/${randomUUID()}`);
        await fillSignIn(page, officer, w.signIn);
        await page.getByText(w.notFound).waitFor();
        await shot(page, `error-language-${locale}-404`);
        for (const text of SERVER_TEXT) expect(await bodyText()).to.not.match(text);

        // 403: the officer claims a tip; a supervisor hands it to a colleague meanwhile; the
        // officer's page still offers "Release claim", and the server refuses it.
        const tip = await tipIn(3);
        await page.goto(`${server.url}/police/tips/${tip.id}`);
        await page.getByRole('button', { name: w.claim, exact: true }).click();
        const release = page.getByRole('button', { name: w.release, exact: true });
        await release.waitFor();
        await call(server, supervisor, 'POST', `/tips/${tip.id}/assign`, { officerId: colleague.user.id });
        await release.click();
        await page.getByText(w.forbidden).waitFor();
        await shot(page, `error-language-${locale}-403`);
        const text = await bodyText();
        for (const pattern of SERVER_TEXT) expect(text).to.not.match(pattern);
        if (locale === 'zh-CN') expect(text).to.not.match(/\b(?:not found|may not|forbidden|error)\b/i);
      } finally {
        await browser.close();
      }
    });
  }
});
