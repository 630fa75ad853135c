import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { users } from '../../api/src/db/schema/index';
import { clock } from '../../api/src/lib/clock';
import { db } from '../../api/test/support/harness';
import { createUser, nextPhone, type TestUser } from '../../api/test/support/factories';
import { call } from './support/api-call';
import { horizontalOverflow, shot } from './support/browser';
import { servedApp } from './support/served-app';
import { ENGLISH, fillSignIn } from './support/sign-in';

const STEP_MS = 30_000;
/** The code an authenticator app shows at the server's (test) clock. */
const codeNow = (secret: string) => generate({ secret, epoch: Math.floor(clock.nowMs() / 1000) });
const pathOf = (page: Page) => new URL(page.url()).pathname;

async function checkLayout(page: Page, name: string): Promise<void> {
  await shot(page, name);
  expect(await horizontalOverflow(page), `${name} scrolls sideways`).to.equal(0);
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out', exact: true }).first().click();
  await page.waitForFunction(() => localStorage.getItem('hy.auth') === null);
}

/** Password first; the form then asks for the code (the server tells only after a right password). */
async function signInWithCode(page: Page, who: { phone: string; password: string }, code: string): Promise<void> {
  await fillSignIn(page, who, ENGLISH);
  const field = page.getByLabel('Authenticator code', { exact: true });
  await field.waitFor();
  await field.fill(code);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('web: with STAFF_TOTP=required a new officer changes the temporary password, enrols two-factor sign-in and lands on /police', function () {
  this.timeout(180_000);
  const served = servedApp({ locale: 'en-US' }, { staffTotp: 'required' });
  let admin: TestUser;

  before(async () => {
    // 10 s into a step a little in the past: codes are deterministic, each advance is a new step.
    clock.set(Math.floor(Date.now() / STEP_MS) * STEP_MS - STEP_MS + 10_000);
    // The admin enrolled earlier, through the API as the page would.
    admin = await createUser({ role: 'admin', displayName: 'City Admin' });
    const { secret } = await call<{ secret: string }>(served.server, admin, 'POST', '/auth/totp/setup');
    await call(served.server, admin, 'POST', '/auth/totp/enable', { code: await codeNow(secret) });
    clock.advance(STEP_MS);
    (admin as TestUser & { secret: string }).secret = secret;
  });
  after(() => clock.reset());

  it('goes from New user to the police desk through both forced steps, and refuses a code used once', async () => {
    const { page } = served.browser;
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const officerPhone = nextPhone();

    // The admin signs in with password and code, and creates the officer (375 px phone).
    await page.goto(`${served.server.url}/sign-in`);
    await signInWithCode(page, admin, await codeNow((admin as TestUser & { secret: string }).secret));
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'New user' }).click();
    await page.getByRole('heading', { name: 'New user', level: 1 }).waitFor();
    await page.getByLabel('Phone', { exact: true }).fill(officerPhone);
    await page.getByLabel('Display name').fill('Officer Tan');
    await page.getByLabel('Role').selectOption({ label: 'Officer' });
    await page.getByLabel('District').selectOption({ label: 'Yanfeng District' });
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('heading', { name: 'Account created' }).waitFor();
    const temporary = (await page.getByTestId('temporary-password').innerText()).trim();
    await signOut(page);

    // The officer: the temporary password must be changed before anything else.
    await page.goto(`${served.server.url}/sign-in`);
    await fillSignIn(page, { phone: officerPhone, password: temporary }, ENGLISH);
    await page.getByRole('heading', { name: 'Change password', level: 1 }).waitFor();
    expect(pathOf(page)).to.equal('/change-password');
    await checkLayout(page, 'two-factor-1-change-password-375');
    await page.getByLabel('Temporary password', { exact: true }).fill(temporary);
    await page.getByLabel('New password', { exact: true }).fill('Tan-own-passphrase-42');
    await page.getByLabel('Repeat the new password').fill('Tan-own-passphrase-42');
    await page.getByRole('button', { name: 'Change password' }).click();

    // Then enrolment, forced: the desk is out of reach until two-factor sign-in is on.
    await page.getByRole('heading', { name: 'Account security', level: 1 }).waitFor();
    expect(pathOf(page)).to.equal('/two-factor');
    await page.getByText('Your department requires two-factor sign-in.').waitFor();
    await page.goto(`${served.server.url}/police`);
    await page.getByRole('heading', { name: 'Account security', level: 1 }).waitFor();
    expect(pathOf(page)).to.equal('/two-factor');
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const secretField = page.getByLabel('Secret key', { exact: true });
    await secretField.waitFor();
    await page.getByRole('img', { name: 'QR code to add Hengyang Masses to your authenticator app' }).waitFor();
    const secret = (await secretField.inputValue()).replace(/\s/g, '');
    expect(secret).to.match(/^[A-Z2-7]{16,}$/);
    await checkLayout(page, 'two-factor-2-enrol-375');

    // A wrong code is refused on the page; the right one turns it on and opens the desk.
    const code = await codeNow(secret);
    await page.getByLabel('Code from the app', { exact: true }).fill(code === '123456' ? '654321' : '123456');
    await page.getByRole('button', { name: 'Turn on', exact: true }).click();
    await page.getByText('That code is wrong, expired or already used.').waitFor();
    await page.getByLabel('Code from the app', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Turn on', exact: true }).click();
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    expect(pathOf(page)).to.equal('/police');
    const [row] = await db().select().from(users).where(eq(users.phone, officerPhone));
    expect(row.mustChangePassword).to.equal(false);
    expect(row.totpEnabledAt).to.not.equal(null);
    await signOut(page);

    // Signing in again: the code used to enrol, still within its 30 s step, is refused (used once) …
    const officer = { phone: officerPhone, password: 'Tan-own-passphrase-42' };
    await page.goto(`${served.server.url}/sign-in`);
    await signInWithCode(page, officer, code);
    await page.getByText('The code is wrong or already used.').waitFor();
    expect(pathOf(page)).to.equal('/sign-in');
    // … and the next one opens the desk.
    clock.advance(STEP_MS);
    await page.getByLabel('Authenticator code', { exact: true }).fill(await codeNow(secret));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    expect(pathOf(page)).to.equal('/police');
    await signOut(page);

    // The officer loses the phone: the admin resets two-factor sign-in, after a confirmation.
    clock.advance(STEP_MS);
    await page.goto(`${served.server.url}/sign-in`);
    await signInWithCode(page, admin, await codeNow((admin as TestUser & { secret: string }).secret));
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.goto(`${served.server.url}/admin/users/${row.id}`);
    await page.getByRole('heading', { name: 'Officer Tan', level: 1 }).waitFor();
    await page.getByText('Two-factor sign-in on').waitFor();
    await page.getByRole('button', { name: 'Reset two-factor sign-in' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset two-factor sign-in of Officer Tan?' });
    await dialog.waitFor();
    await checkLayout(page, 'two-factor-3-reset-confirm-375');
    await dialog.getByRole('button', { name: 'Reset two-factor sign-in' }).click();
    await page.getByText('Two-factor sign-in reset.').waitFor();
    expect((await db().select().from(users).where(eq(users.id, row.id)))[0].totpEnabledAt).to.equal(null);
    await signOut(page);

    // The password alone signs in again, and enrolment is forced once more.
    await page.goto(`${served.server.url}/sign-in`);
    await fillSignIn(page, officer, ENGLISH);
    await page.getByRole('heading', { name: 'Account security', level: 1 }).waitFor();
    expect(pathOf(page)).to.equal('/two-factor');
    expect(errors).to.deep.equal([]);
  });
});
