import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import { apiKeys } from '../../api/src/db/schema/index';
import { db, harness, listen } from '../../api/test/support/harness';
import { createUser, type TestUser } from '../../api/test/support/factories';
import { horizontalOverflow, openBrowser, shot, type Browser } from './support/browser';
import { CHINESE, ENGLISH, fillSignIn } from './support/sign-in';

const WORDS = {
  'zh-CN': { signIn: CHINESE, title: '接口密钥', name: '对接方', create: '创建密钥', revoke: '吊销', revoked: /已于 .* 吊销/ },
  'en-US': { signIn: ENGLISH, title: 'API keys', name: 'Integrator', create: 'Create key', revoke: 'Revoke', revoked: /Revoked / },
} as const;

/** An Open311 POST with that key, as an integrator's system sends it. */
async function open311Post(url: string, key: string): Promise<number> {
  const body = new URLSearchParams({
    api_key: key,
    service_code: 'traffic',
    address_string: '蒸湘区解放西路',
    description: '路灯连续一周不亮，夜间行人很多。',
    'attribute[district]': '3',
  });
  const res = await fetch(`${url}/open311/v2/requests.json`, { method: 'POST', body });
  return res.status;
}

describe('web: an admin issues an Open311 API key, shown once, and revokes it (phone)', function () {
  this.timeout(120_000);
  let server: { url: string; close: () => Promise<void> };
  let admin: TestUser;

  before(async () => {
    server = await listen(harness().app);
    admin = await createUser({ role: 'admin', displayName: '市局管理员' });
  });
  after(async () => {
    await server?.close();
  });

  for (const locale of Object.keys(WORDS) as (keyof typeof WORDS)[]) {
    it(`creates, uses and revokes a key (${locale})`, async () => {
      const w = WORDS[locale];
      const integrator = `12345 热线 ${locale}`;
      const browser: Browser = await openBrowser({ locale });
      try {
        const { page } = browser;
        await page.goto(`${server.url}/sign-in?next=/admin/api-keys`);
        await fillSignIn(page, admin, w.signIn);
        await page.getByRole('heading', { name: w.title, level: 1 }).waitFor();
        await page.getByLabel(w.name).fill(integrator);
        await page.getByRole('button', { name: w.create, exact: true }).click();
        const secret = page.getByTestId('temporary-password');
        await secret.waitFor();
        const key = (await secret.innerText()).trim();
        expect(key).to.match(/^hy_[A-Za-z0-9_-]{43}$/);
        await shot(page, `admin-api-keys-${locale}-1-created`);
        expect(await horizontalOverflow(page), 'scrolls sideways').to.equal(0);

        expect(await open311Post(server.url, key), 'the new key works').to.equal(200);
        const [row] = await db().select().from(apiKeys).where(eq(apiKeys.name, integrator));
        expect(row.lastUsedAt).to.not.equal(null);

        await page.reload();
        const item = page.locator('li', { hasText: integrator });
        await item.waitFor();
        expect(await page.locator('body').innerText(), 'shown once only').to.not.include(key);
        await item.getByRole('button', { name: w.revoke, exact: true }).click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        await shot(page, `admin-api-keys-${locale}-2-confirm`);
        await dialog.getByRole('button', { name: w.revoke, exact: true }).click();
        await item.getByText(w.revoked).waitFor();
        expect(await open311Post(server.url, key), 'a revoked key is refused').to.equal(403);
      } finally {
        await browser.close();
      }
    });
  }
});
