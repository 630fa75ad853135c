import { expect } from 'chai';
import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import supertest from 'supertest';
import { auditLog, users } from '../src/db/schema/index';
import { clock } from '../src/lib/clock';
import { decryptPii } from '../src/lib/pii';
import { api, appWith, db, harness } from './support/harness';
import { createUser, nextPhone, type TestUser } from './support/factories';

/** 08:00:10 China time: 10 s into a 30 s step, so "one step later" is unambiguous. */
const T0 = new Date('2026-11-30T00:00:10Z');
const STEP_MS = 30_000;

/** The code an authenticator app shows now (by the test clock). */
const codeAt = (secret: string, at: Date = clock.now()) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

/** A well-formed code that is not the current one. */
const notTheCode = async (secret: string) => ((await codeAt(secret)) === '123456' ? '654321' : '123456');

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const userRow = async (id: string) => (await db().select().from(users).where(eq(users.id, id)))[0];

async function setup(who: TestUser, app = harness().app) {
  const res = await supertest(app).post('/api/auth/totp/setup').set(who.auth).expect(200);
  return res.body as { secret: string; otpauthUrl: string; qrCode: string };
}

/** A staff member with two-factor sign-in on; the code used to enable it is spent. */
async function enrolled(role: 'officer' | 'supervisor' | 'admin' | 'organizer' = 'officer') {
  const who = await createUser({ role });
  const { secret } = await setup(who);
  const res = await api().post('/api/auth/totp/enable').set(who.auth).send({ code: await codeAt(secret) }).expect(200);
  return { who, secret, session: res.body as { accessToken: string; refreshToken: string; user: Record<string, unknown> } };
}

const login = (who: TestUser, extra: Record<string, unknown> = {}, app = harness().app) =>
  supertest(app).post('/api/auth/login').send({ phone: who.phone, password: who.password, ...extra });

describe('two-factor sign-in: enrolment', () => {
  beforeEach(() => clock.set(T0));

  it('issues a secret, an otpauth URL and a QR code, and keeps the secret encrypted until confirmed', async () => {
    const officer = await createUser({ role: 'officer' });
    const body = await setup(officer);
    expect(body.secret).to.match(/^[A-Z2-7]{32}$/);
    const url = new URL(body.otpauthUrl);
    expect(url.protocol).to.equal('otpauth:');
    expect(url.host).to.equal('totp');
    expect(url.searchParams.get('secret')).to.equal(body.secret);
    expect(url.searchParams.get('issuer')).to.include('Hengyang Masses');
    expect(body.qrCode).to.match(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(body.qrCode.split(',')[1], 'base64').toString('utf8')).to.include('<svg');

    const row = await userRow(officer.user.id);
    expect(row.totpPendingSecretEnc).to.match(/^v1\./);
    expect(row.totpPendingSecretEnc).not.to.include(body.secret);
    expect(decryptPii(row.totpPendingSecretEnc!)).to.equal(body.secret);
    expect(row.totpSecretEnc).to.equal(null);
    expect(row.totpEnabledAt).to.equal(null);
    // not on yet: the password alone still signs in
    await login(officer).expect(200);
  });

  it('refuses volunteers (403) and callers without a session (401)', async () => {
    const volunteer = await createUser({ role: 'volunteer' });
    const res = await api().post('/api/auth/totp/setup').set(volunteer.auth).expect(403);
    expect(res.body.error.code).to.equal('FORBIDDEN');
    await api().post('/api/auth/totp/setup').expect(401);
    await api().post('/api/auth/totp/enable').send({ code: '123456' }).expect(401);
    await api().post('/api/auth/totp/disable').send({ code: '123456' }).expect(401);
  });

  it('enables with a code from the secret: new tokens, every older session ended, audited without the secret', async () => {
    const officer = await createUser({ role: 'officer' });
    const before = await login(officer).expect(200);
    const { secret } = await setup(officer);

    const wrong = await api().post('/api/auth/totp/enable').set(officer.auth).send({ code: await notTheCode(secret) }).expect(400);
    expect(wrong.body.error.details).to.deep.equal([{ field: 'code', message: 'is wrong, expired or already used' }]);
    expect((await userRow(officer.user.id)).totpEnabledAt).to.equal(null);

    const res = await api().post('/api/auth/totp/enable').set(officer.auth).send({ code: await codeAt(secret) }).expect(200);
    expect(res.body.user.totpEnabled).to.equal(true);
    expect(res.body.accessToken).to.be.a('string');
    await api().get('/api/me').set(bearer(res.body.accessToken)).expect(200);
    // the session opened with the password alone is over, its access token included
    await api().get('/api/me').set(officer.auth).expect(401);
    await api().post('/api/auth/refresh').send({ refreshToken: before.body.refreshToken }).expect(401);
    await api().post('/api/auth/refresh').send({ refreshToken: res.body.refreshToken }).expect(200);

    const row = await userRow(officer.user.id);
    expect(row.totpSecretEnc).to.match(/^v1\./);
    expect(decryptPii(row.totpSecretEnc!)).to.equal(secret);
    expect(row.totpPendingSecretEnc).to.equal(null);
    expect(row.totpEnabledAt?.toISOString()).to.equal(T0.toISOString());

    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'auth.totp_enabled'), eq(auditLog.entityId, officer.user.id)));
    expect(entry).to.include({ actorId: officer.user.id, entityType: 'user', districtId: 1 });
    expect(JSON.stringify(entry)).not.to.include(secret);
    expect(harness().logLines.join('\n')).not.to.include(secret);
  });

  it('answers 409 to enabling without a set-up and to a set-up while already on', async () => {
    const officer = await createUser({ role: 'officer' });
    const res = await api().post('/api/auth/totp/enable').set(officer.auth).send({ code: '123456' }).expect(409);
    expect(res.body.error.code).to.equal('CONFLICT');
    const { session } = await enrolled();
    await api().post('/api/auth/totp/setup').set(bearer(session.accessToken)).expect(409);
    await api().post('/api/auth/totp/enable').set(bearer(session.accessToken)).send({ code: '123456' }).expect(409);
  });

  it('refuses malformed codes with 400 naming the field', async () => {
    const officer = await createUser({ role: 'officer' });
    for (const code of ['12345', '1234567', 'abcdef', 123456, '', 'x'.repeat(30)]) {
      const res = await api().post('/api/auth/totp/enable').set(officer.auth).send({ code }).expect(400);
      expect(res.body.error.details[0].field).to.equal('code');
    }
    await api().post('/api/auth/totp/enable').set(officer.auth).send({ code: '123456', extra: 1 }).expect(400);
  });

  it('accepts a code typed with a space, as apps show it ("123 456")', async () => {
    const officer = await createUser({ role: 'supervisor' });
    const { secret } = await setup(officer);
    const code = await codeAt(secret);
    await api().post('/api/auth/totp/enable').set(officer.auth).send({ code: `${code.slice(0, 3)} ${code.slice(3)}` }).expect(200);
  });
});

describe('two-factor sign-in: signing in', () => {
  beforeEach(() => clock.set(T0));

  it('asks for the code only after a right password: TOTP_REQUIRED, then TOTP_INVALID for a wrong one', async () => {
    const { who, secret } = await enrolled();
    clock.advance(STEP_MS);
    const missing = await login(who).expect(401);
    expect(missing.body.error.code).to.equal('TOTP_REQUIRED');
    const wrong = await login(who, { totp: await notTheCode(secret) }).expect(401);
    expect(wrong.body.error.code).to.equal('TOTP_INVALID');
    // a wrong password says nothing about the second factor, with or without a code
    for (const extra of [{}, { totp: await codeAt(secret) }]) {
      const res = await login(who, { password: 'not-the-password', ...extra }).expect(401);
      expect(res.body.error.code).to.equal('UNAUTHENTICATED');
    }
    // … and the code sent with the wrong password was not spent
    const ok = await login(who, { totp: await codeAt(secret) }).expect(200);
    expect(ok.body.user.totpEnabled).to.equal(true);
  });

  it('accepts a code once: the same code again is refused, the next step’s code works', async () => {
    const { who, secret } = await enrolled();
    clock.advance(STEP_MS);
    const code = await codeAt(secret);
    await login(who, { totp: code }).expect(200);
    const replay = await login(who, { totp: code }).expect(401);
    expect(replay.body.error.code).to.equal('TOTP_INVALID');
    clock.advance(STEP_MS);
    await login(who, { totp: await codeAt(secret) }).expect(200);
    // a code of an earlier step than the last one used, though still within the window, is refused
    const earlier = await codeAt(secret, new Date(clock.nowMs() - STEP_MS));
    expect((await login(who, { totp: earlier }).expect(401)).body.error.code).to.equal('TOTP_INVALID');
  });

  it('accepts a code one step old or one step ahead, not two', async () => {
    const { who, secret } = await enrolled();
    clock.advance(3 * STEP_MS);
    await login(who, { totp: await codeAt(secret, new Date(clock.nowMs() - STEP_MS)) }).expect(200);
    clock.advance(3 * STEP_MS);
    await login(who, { totp: await codeAt(secret, new Date(clock.nowMs() + STEP_MS)) }).expect(200);
    clock.advance(3 * STEP_MS);
    const stale = await login(who, { totp: await codeAt(secret, new Date(clock.nowMs() - 2 * STEP_MS)) }).expect(401);
    expect(stale.body.error.code).to.equal('TOTP_INVALID');
    const ahead = await login(who, { totp: await codeAt(secret, new Date(clock.nowMs() + 2 * STEP_MS)) }).expect(401);
    expect(ahead.body.error.code).to.equal('TOTP_INVALID');
  });

  it('signs in once when the same code is sent twice at the same moment', async () => {
    const { who, secret } = await enrolled();
    clock.advance(STEP_MS);
    const code = await codeAt(secret);
    const results = await Promise.all(Array.from({ length: 4 }, () => login(who, { totp: code })));
    expect(results.map((r) => r.status).sort()).to.deep.equal([200, 401, 401, 401]);
  });

  it('refuses a malformed code with 400 before looking at the password', async () => {
    const { who } = await enrolled();
    const res = await login(who, { totp: '12ab56' }).expect(400);
    expect(res.body.error.details[0].field).to.equal('totp');
  });

  it('turns off with a fresh code (not a spent one); then the password alone signs in again', async () => {
    const { who, secret, session } = await enrolled('admin');
    const auth = bearer(session.accessToken);
    // the code that enabled it is spent
    const spent = await api().post('/api/auth/totp/disable').set(auth).send({ code: await codeAt(secret) }).expect(400);
    expect(spent.body.error.details[0].field).to.equal('code');
    clock.advance(STEP_MS);
    const res = await api().post('/api/auth/totp/disable').set(auth).send({ code: await codeAt(secret) }).expect(200);
    expect(res.body.user.totpEnabled).to.equal(false);
    await api().post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    await login(who).expect(200);
    const row = await userRow(who.user.id);
    expect([row.totpSecretEnc, row.totpPendingSecretEnc, row.totpEnabledAt]).to.deep.equal([null, null, null]);
    const entries = await db().select().from(auditLog).where(and(eq(auditLog.action, 'auth.totp_disabled'), eq(auditLog.entityId, who.user.id)));
    expect(entries).to.have.length(1);
    expect(entries[0].districtId).to.equal(null);
    await api().post('/api/auth/totp/disable').set(bearer(res.body.accessToken)).send({ code: '123456' }).expect(409);
  });
});

describe('two-factor sign-in: STAFF_TOTP=required', () => {
  beforeEach(() => clock.set(T0));
  const required = () => appWith({ staffTotp: 'required' });

  it('lets police and admins without it reach only the enrolment, /me and sign-in (403 TOTP_ENROLMENT_REQUIRED)', async () => {
    const app = required();
    for (const role of ['officer', 'supervisor', 'admin'] as const) {
      const who = await createUser({ role });
      const signedIn = await login(who, {}, app).expect(200);
      expect(signedIn.body.user.mustEnrolTotp).to.equal(true);
      const auth = bearer(signedIn.body.accessToken);
      const blocked = await supertest(app).get('/api/cases').set(auth).expect(403);
      expect(blocked.body.error.code).to.equal('TOTP_ENROLMENT_REQUIRED');
      await supertest(app).get('/api/admin/audit').set(auth).expect(403);
      const me = await supertest(app).get('/api/me').set(auth).expect(200);
      expect(me.body.user.mustEnrolTotp).to.equal(true);

      const { secret } = await setup({ ...who, auth }, app);
      const enabled = await supertest(app).post('/api/auth/totp/enable').set(auth).send({ code: await codeAt(secret) }).expect(200);
      expect(enabled.body.user.mustEnrolTotp).to.equal(false);
      const desk = await supertest(app).get(role === 'admin' ? '/api/admin/audit' : '/api/cases').set(bearer(enabled.body.accessToken));
      expect(desk.status, JSON.stringify(desk.body)).to.equal(200);
      // the token from before the enrolment is revoked; a refresh carries the enrolment
      await supertest(app).get('/api/cases').set(auth).expect(401);
      const refreshed = await supertest(app).post('/api/auth/refresh').send({ refreshToken: enabled.body.refreshToken }).expect(200);
      expect(refreshed.body.user.mustEnrolTotp).to.equal(false);
    }
  });

  it('asks a new officer to change the temporary password first, then to enrol; auxiliary police too', async () => {
    const app = required();
    const admin = await createUser({ role: 'admin' });
    const created = await api()
      .post('/api/admin/users')
      .set(admin.auth)
      .send({ phone: nextPhone(), displayName: '新民警', role: 'officer', districtId: 1 })
      .expect(201);
    const phone = created.body.user.phone as string;
    const first = await supertest(app).post('/api/auth/login').send({ phone, password: created.body.temporaryPassword }).expect(200);
    const blocked = await supertest(app).get('/api/cases').set(bearer(first.body.accessToken)).expect(403);
    expect(blocked.body.error.code).to.equal('PASSWORD_CHANGE_REQUIRED');
    const changed = await supertest(app)
      .post('/api/auth/password')
      .set(bearer(first.body.accessToken))
      .send({ currentPassword: created.body.temporaryPassword, newPassword: 'a-Fresh-passphrase' })
      .expect(200);
    expect(changed.body.user.mustEnrolTotp).to.equal(true);
    const gated = await supertest(app).get('/api/cases').set(bearer(changed.body.accessToken)).expect(403);
    expect(gated.body.error.code).to.equal('TOTP_ENROLMENT_REQUIRED');

    const auxiliary = await createUser({ role: 'auxiliary' });
    const aux = await supertest(app).get('/api/verifications/mine').set(auxiliary.auth);
    expect(aux.body.error?.code, JSON.stringify(aux.body)).to.equal('TOTP_ENROLMENT_REQUIRED');
  });

  it('leaves volunteers and organizers alone, and police too when it is optional', async () => {
    const app = required();
    const volunteer = await createUser({ role: 'volunteer' });
    await supertest(app).get('/api/tips/mine').set(volunteer.auth).expect(200);
    const organizer = await createUser({ role: 'organizer' });
    await supertest(app).get('/api/organizer/communities').set(organizer.auth).expect(200);
    const officer = await createUser({ role: 'officer' });
    await api().get('/api/cases').set(officer.auth).expect(200);
    expect((await login(officer).expect(200)).body.user.mustEnrolTotp).to.equal(false);
    // public endpoints and bad tokens are answered as before
    await supertest(app).get('/api/categories').expect(200);
    await supertest(app).get('/api/cases').set(bearer('not.a.token')).expect(401);
  });
});
