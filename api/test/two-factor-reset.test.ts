import { expect } from 'chai';
import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import supertest from 'supertest';
import { auditLog, users } from '../src/db/schema/index';
import { clock } from '../src/lib/clock';
import { api, appWith, db } from './support/harness';
import { createUser, type TestUser } from './support/factories';

/** 10 s into a 30 s step, so codes are deterministic. */
const T0 = new Date('2026-11-30T00:00:10Z');
const codeAt = (secret: string) => generate({ secret, epoch: Math.floor(clock.nowMs() / 1000) });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const userRow = async (id: string) => (await db().select().from(users).where(eq(users.id, id)))[0];

type Session = { accessToken: string; refreshToken: string };

/** A staff member with two-factor sign-in on, and the session enabling it gave them. */
async function enrolled(opts: Parameters<typeof createUser>[0]): Promise<{ who: TestUser; secret: string; session: Session }> {
  const who = await createUser(opts);
  const setup = await api().post('/api/auth/totp/setup').set(who.auth).expect(200);
  const secret = (setup.body as { secret: string }).secret;
  const res = await api().post('/api/auth/totp/enable').set(who.auth).send({ code: await codeAt(secret) }).expect(200);
  return { who, secret, session: res.body as Session };
}

const reset = (targetId: string, caller?: TestUser) => {
  const req = api().post(`/api/admin/users/${targetId}/reset-two-factor`);
  return caller ? req.set(caller.auth) : req;
};

describe('accounts: resetting a lost authenticator (POST /api/admin/users/:id/reset-two-factor)', () => {
  beforeEach(() => clock.set(T0));

  describe('access by role and district', () => {
    type Caller = 'volunteer' | 'organizer' | 'auxiliary' | 'officer' | 'supervisor' | 'otherSupervisor' | 'admin';
    const callers: Record<Caller, TestUser> = {} as Record<Caller, TestUser>;
    before(async () => {
      clock.set(T0);
      const made = await Promise.all([
        createUser({ role: 'volunteer', districtId: 1 }),
        createUser({ role: 'organizer', districtId: 1 }),
        createUser({ role: 'auxiliary', districtId: 1 }),
        createUser({ role: 'officer', districtId: 1 }),
        createUser({ role: 'supervisor', districtId: 1 }),
        createUser({ role: 'supervisor', districtId: 11 }),
        createUser({ role: 'admin' }),
      ]);
      (['volunteer', 'organizer', 'auxiliary', 'officer', 'supervisor', 'otherSupervisor', 'admin'] as const).forEach((k, i) => (callers[k] = made[i]));
    });

    // Target: an enrolled officer of district 1 (雁峰区) unless said otherwise.
    const rows: { caller: Caller; target?: Parameters<typeof createUser>[0]; status: number; code: string }[] = [
      { caller: 'volunteer', status: 403, code: 'FORBIDDEN' },
      { caller: 'organizer', status: 403, code: 'FORBIDDEN' },
      { caller: 'auxiliary', status: 403, code: 'FORBIDDEN' },
      { caller: 'officer', status: 403, code: 'FORBIDDEN' },
      { caller: 'supervisor', status: 200, code: 'OK' },
      { caller: 'supervisor', target: { role: 'auxiliary', districtId: 1 }, status: 200, code: 'OK' },
      { caller: 'supervisor', target: { role: 'officer', districtId: 11 }, status: 404, code: 'NOT_FOUND' },
      { caller: 'supervisor', target: { role: 'supervisor', districtId: 1 }, status: 404, code: 'NOT_FOUND' },
      { caller: 'supervisor', target: { role: 'admin' }, status: 404, code: 'NOT_FOUND' },
      { caller: 'otherSupervisor', status: 404, code: 'NOT_FOUND' },
      { caller: 'admin', status: 200, code: 'OK' },
      { caller: 'admin', target: { role: 'supervisor', districtId: 11 }, status: 200, code: 'OK' },
      { caller: 'admin', target: { role: 'admin' }, status: 200, code: 'OK' },
    ];
    for (const row of rows) {
      const target = row.target ?? { role: 'officer' as const, districtId: 1 };
      const where = target.role === 'admin' ? 'the city' : `district ${target.districtId}`;
      it(`answers ${row.status} to a ${row.caller} resetting a ${target.role} of ${where}`, async () => {
        const { who } = await enrolled(target);
        const res = await reset(who.user.id, callers[row.caller]);
        expect(res.status, JSON.stringify(res.body)).to.equal(row.status);
        expect(res.body.error?.code ?? 'OK').to.equal(row.code);
        const after = await userRow(who.user.id);
        if (row.status === 200) expect(after.totpEnabledAt).to.equal(null);
        else expect(after.totpEnabledAt, 'unchanged when refused').to.not.equal(null);
      });
    }

    it('answers 401 without a token', async () => {
      const { who } = await enrolled({ role: 'officer', districtId: 1 });
      expect((await reset(who.user.id)).status).to.equal(401);
    });

    it('answers 400 to an id that is not a user id, and 404 to an unknown one', async () => {
      expect((await reset('not-a-uuid', callers.admin)).status).to.equal(400);
      expect((await reset('00000000-0000-4000-8000-000000000000', callers.admin)).status).to.equal(404);
    });

    it('refuses one’s own account (403) and an account without two-factor sign-in (409)', async () => {
      const me = await enrolled({ role: 'admin' });
      // Enabling ended the factory's session: the admin acts with the one enabling gave them.
      const own = await api().post(`/api/admin/users/${me.who.user.id}/reset-two-factor`).set(bearer(me.session.accessToken));
      expect(own.status, JSON.stringify(own.body)).to.equal(403);
      const plain = await createUser({ role: 'officer', districtId: 1 });
      const none = await reset(plain.user.id, callers.admin);
      expect(none.status).to.equal(409);
      expect(none.body.error.code).to.equal('CONFLICT');
    });
  });

  describe('what it does', () => {
    it('removes the enrolment, revokes every session at once, audits, and keeps the password', async () => {
      const admin = await createUser({ role: 'admin' });
      const { who, session } = await enrolled({ role: 'officer', districtId: 1 });
      await api().get('/api/me').set(bearer(session.accessToken)).expect(200);

      const res = await reset(who.user.id, admin).expect(200);
      expect(res.body.user).to.include({ id: who.user.id, totpEnabled: false });

      const row = await userRow(who.user.id);
      expect(row).to.include({ totpSecretEnc: null, totpPendingSecretEnc: null, totpEnabledAt: null, totpLastStep: null });
      expect(row.passwordHash).to.equal(who.user.passwordHash);
      // The lost phone's session is gone: its access token and its refresh token.
      await api().get('/api/me').set(bearer(session.accessToken)).expect(401);
      await api().post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);

      const [entry] = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'user.totp_reset'), eq(auditLog.entityId, who.user.id)));
      expect(entry).to.include({ actorId: admin.user.id, entityType: 'user', districtId: 1 });
      expect(entry.details).to.deep.equal({ wasEnabled: true });

      // The password alone signs in again (no code asked), and a new enrolment works.
      const login = await api().post('/api/auth/login').send({ phone: who.phone, password: who.password }).expect(200);
      expect(login.body.user.totpEnabled).to.equal(false);
    });

    it('with STAFF_TOTP=required, makes the user enrol again before anything else', async () => {
      const app = appWith({ staffTotp: 'required' });
      const admin = await enrolled({ role: 'admin' });
      const { who } = await enrolled({ role: 'officer', districtId: 1 });
      await supertest(app).post(`/api/admin/users/${who.user.id}/reset-two-factor`).set(bearer(admin.session.accessToken)).expect(200);

      const login = await supertest(app).post('/api/auth/login').send({ phone: who.phone, password: who.password }).expect(200);
      expect(login.body.user.mustEnrolTotp).to.equal(true);
      const desk = await supertest(app).get('/api/queue').set(bearer(login.body.accessToken));
      expect(desk.status).to.equal(403);
      expect(desk.body.error.code).to.equal('TOTP_ENROLMENT_REQUIRED');
      await supertest(app).post('/api/auth/totp/setup').set(bearer(login.body.accessToken)).expect(200);
    });
  });
});
