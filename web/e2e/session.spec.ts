import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { AUDIENCE, ISSUER } from '../../api/src/modules/auth/tokens';
import { api, harness } from '../../api/test/support/harness';
import { createUser } from '../../api/test/support/factories';
import { servedApp } from './support/served-app';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('web session: two tabs whose access token expired together (phone, English)', function () {
  this.timeout(120_000);
  const served = servedApp({ locale: 'en-US' });

  it('renews once for both tabs instead of presenting one refresh token twice and being signed out', async () => {
    const volunteer = await createUser({ displayName: 'Two Tabs' });
    const login = await api().post('/api/auth/login').send({ phone: volunteer.phone, password: volunteer.password }).expect(200);
    const now = Math.floor(Date.now() / 1000);
    const expired = jwt.sign(
      { role: 'volunteer', did: volunteer.actor.districtId, cid: volunteer.actor.communityId, uid: null, iat: now - 1000, exp: now - 60 },
      harness().config.jwtSecret,
      { algorithm: 'HS256', issuer: ISSUER, audience: AUDIENCE, subject: volunteer.user.id },
    );
    const { context, page: first } = served.browser;
    await first.goto(`${served.server.url}/`);
    await first.evaluate(
      ([access, refresh]) => localStorage.setItem('hy.auth', JSON.stringify({ accessToken: access, refreshToken: refresh })),
      [expired, login.body.refreshToken as string],
    );
    const second = await context.newPage();
    // A slow network: the first tab's renewal is still on the wire when the second tab's 401 comes back.
    await context.route('**/api/auth/refresh', async (route) => {
      await pause(800);
      await route.continue();
    });
    const refreshes: number[] = [];
    context.on('response', (res) => {
      if (res.url().endsWith('/api/auth/refresh')) refreshes.push(res.status());
    });

    await Promise.all([first.goto(`${served.server.url}/my-tips`), second.goto(`${served.server.url}/my-tips`)]);
    for (const page of [first, second]) await page.getByRole('heading', { name: 'My tips', level: 1 }).waitFor();
    // Wait for the renewal, then long enough for a second one (delayed the same way) to show.
    for (const deadline = Date.now() + 15_000; refreshes.length === 0 && Date.now() < deadline; ) await pause(100);
    await pause(2000);

    expect(refreshes).to.deep.equal([200]);
    const stored = JSON.parse((await second.evaluate(() => localStorage.getItem('hy.auth'))) ?? 'null') as { accessToken: string } | null;
    expect(stored).to.not.equal(null);
    await api().get('/api/me').set('Authorization', `Bearer ${stored!.accessToken}`).expect(200);
    for (const page of [first, second]) expect(await page.getByRole('link', { name: 'Sign in' }).count()).to.equal(0);

    // The renewal was handed over through IndexedDB (lib/renewal-handoff.ts): the live pair is there…
    const handedOver = () =>
      second.evaluate(
        () =>
          new Promise<{ refreshToken: string } | null>((resolve, reject) => {
            const open = indexedDB.open('hy-session', 1);
            open.onupgradeneeded = () => open.result.createObjectStore('renewals', { keyPath: 'id' });
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const get = open.result.transaction('renewals').objectStore('renewals').get('last');
              get.onsuccess = () => {
                open.result.close();
                resolve((get.result as { tokens: { refreshToken: string } } | undefined)?.tokens ?? null);
              };
              get.onerror = () => reject(get.error);
            };
          }),
      );
    const record = await handedOver();
    expect(record?.refreshToken).to.equal((JSON.parse((await second.evaluate(() => localStorage.getItem('hy.auth')))!) as { refreshToken: string }).refreshToken);
    // …and leaves with the session: nothing of it stays on a shared phone.
    await first.getByRole('button', { name: 'Sign out' }).first().click();
    await second.getByRole('link', { name: 'Sign in' }).first().waitFor();
    for (const deadline = Date.now() + 5000; (await handedOver()) !== null && Date.now() < deadline; ) await pause(100);
    expect(await handedOver()).to.equal(null);
  });
});
