import { expect } from 'chai';
import { and, eq } from 'drizzle-orm';
import { auditLog, pointsLedger, users } from '../src/db/schema/index';
import { createTip, createUser } from './support/factories';
import { api, db } from './support/harness';
import { award, balanceOf, grant } from './support/points-helpers';

/** Tips of these tests go to 衡山县's queue, so other files' first queue pages stay as they expect. */
const QUIET_DISTRICT = { districtId: 8 };

describe('points: ledger, balance, daily cap, adjustments', () => {
  describe('GET /api/me/points', () => {
    it('refuses a caller who is not signed in', async () => {
      await api().get('/api/me/points').expect(401);
    });

    it('refuses police, who have no points', async () => {
      const officer = await createUser({ role: 'officer' });
      const res = await api().get('/api/me/points').set(officer.auth).expect(403);
      expect(res.body.error.code).to.equal('FORBIDDEN');
    });

    it('shows the balance and what each entry was for, newest first', async () => {
      const v = await createUser();
      const { tip } = await createTip(v, QUIET_DISTRICT);
      await award({ userId: v.user.id, reason: 'tip_validated', delta: 10, tipId: tip.id });
      await award({ userId: v.user.id, reason: 'tip_priority_bonus', delta: 10, tipId: tip.id });
      const res = await api().get('/api/me/points').set(v.auth).expect(200);
      expect(res.body.balance).to.equal(20);
      expect(res.body.dailyCap).to.equal(100);
      expect(res.body.earnedToday).to.equal(20);
      expect(res.body.entries.map((e: { reason: string }) => e.reason)).to.deep.equal(['tip_priority_bonus', 'tip_validated']);
      expect(res.body.entries[1]).to.include({ delta: 10 });
      expect(res.body.entries[1].tip).to.deep.equal({ id: tip.id, reference: tip.reference });
      expect(res.body.entries[1]).to.not.have.property('actorId');
      expect(res.body.nextCursor).to.equal(null);
    });

    it('pages through the ledger with an opaque cursor, no entry twice or missed', async () => {
      const v = await createUser();
      for (let i = 1; i <= 5; i++) await grant(v, i);
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { body: { entries: { delta: number }[]; nextCursor: string | null } } = await api()
          .get('/api/me/points')
          .query(cursor ? { limit: 2, cursor } : { limit: 2 })
          .set(v.auth)
          .expect(200);
        seen.push(...res.body.entries.map((e: { delta: number }) => e.delta));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).to.equal(3);
      expect(seen).to.deep.equal([5, 4, 3, 2, 1]);
    });

    it('answers a malformed cursor, a bad limit or an unknown parameter with 400 naming the field', async () => {
      const v = await createUser();
      const bad = await api().get('/api/me/points').query({ cursor: 'not-a-cursor' }).set(v.auth).expect(400);
      expect(bad.body.error.details[0].field).to.equal('cursor');
      const limit = await api().get('/api/me/points').query({ limit: 0 }).set(v.auth).expect(400);
      expect(limit.body.error.details[0].field).to.equal('limit');
      await api().get('/api/me/points').query({ userId: v.user.id }).set(v.auth).expect(400);
    });

    it('never shows another volunteer’s entries', async () => {
      const [a, b] = [await createUser(), await createUser()];
      await grant(a, 7);
      const res = await api().get('/api/me/points').set(b.auth).expect(200);
      expect(res.body.balance).to.equal(0);
      expect(res.body.entries).to.have.length(0);
    });
  });

  describe('applyPoints rules', () => {
    it('caps earned points at 100 a day but not case bonuses', async () => {
      const v = await createUser();
      const outcomes = [];
      for (let i = 0; i < 12; i++) {
        const { tip } = await createTip(v, QUIET_DISTRICT);
        outcomes.push(await award({ userId: v.user.id, reason: 'tip_validated', delta: 10, tipId: tip.id }));
      }
      expect(outcomes.map((o) => o.delta)).to.deep.equal([10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 0, 0]);
      expect(await balanceOf(v)).to.equal(100);
      const { tip } = await createTip(v, QUIET_DISTRICT);
      await award({ userId: v.user.id, reason: 'case_solved_bonus', delta: 50, tipId: tip.id });
      expect(await balanceOf(v)).to.equal(150);
      const res = await api().get('/api/me/points').query({ limit: 3 }).set(v.auth).expect(200);
      expect(res.body.earnedToday).to.equal(100);
      expect(res.body.entries[1].note).to.match(/daily cap/);
    });

    it('cuts an award that would cross the cap to what is left', async () => {
      const v = await createUser();
      for (let i = 0; i < 9; i++) {
        const { tip } = await createTip(v, QUIET_DISTRICT);
        await award({ userId: v.user.id, reason: 'tip_validated', delta: 10, tipId: tip.id });
      }
      const { tip } = await createTip(v, QUIET_DISTRICT);
      const o = await award({ userId: v.user.id, reason: 'tip_validated', delta: 20, tipId: tip.id });
      expect(o.delta).to.equal(10);
      expect(await balanceOf(v)).to.equal(100);
    });

    it('awards once per volunteer, reason and tip, even when the same award is applied in parallel', async () => {
      const v = await createUser();
      const { tip } = await createTip(v, QUIET_DISTRICT);
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, () => award({ userId: v.user.id, reason: 'tip_validated', delta: 10, tipId: tip.id })),
      );
      expect(outcomes.filter((o) => o.applied)).to.have.length(1);
      expect(await balanceOf(v)).to.equal(10);
      const rows = await db().select().from(pointsLedger).where(eq(pointsLedger.userId, v.user.id));
      expect(rows).to.have.length(1);
    });

    it('takes a false-report penalty only down to zero', async () => {
      const v = await createUser();
      await grant(v, 5);
      const { tip } = await createTip(v, QUIET_DISTRICT);
      const o = await award({ userId: v.user.id, reason: 'false_report_penalty', delta: -20, tipId: tip.id });
      expect(o).to.include({ applied: true, delta: -5 });
      expect(await balanceOf(v)).to.equal(0);
    });
  });

  describe('POST /api/admin/points/adjustments', () => {
    it('lets only admins adjust', async () => {
      const v = await createUser();
      const organizer = await createUser({ role: 'organizer' });
      const body = { userId: v.user.id, delta: 10, reason: 'helped at the fair' };
      await api().post('/api/admin/points/adjustments').send(body).expect(401);
      await api().post('/api/admin/points/adjustments').set(v.auth).send(body).expect(403);
      await api().post('/api/admin/points/adjustments').set(organizer.auth).send(body).expect(403);
      expect(await balanceOf(v)).to.equal(0);
    });

    it('adjusts with a mandatory reason, shown in the ledger and written to the audit log', async () => {
      const admin = await createUser({ role: 'admin' });
      const v = await createUser();
      const res = await api()
        .post('/api/admin/points/adjustments')
        .set(admin.auth)
        .send({ userId: v.user.id, delta: 30, reason: '线下活动表现突出' })
        .expect(201);
      expect(res.body.balance).to.equal(30);
      expect(res.body.adjustment).to.include({ delta: 30, userId: v.user.id });
      const mine = await api().get('/api/me/points').set(v.auth).expect(200);
      expect(mine.body.entries[0]).to.include({ reason: 'adjustment', delta: 30, note: '线下活动表现突出' });
      const [entry] = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'points.adjust'), eq(auditLog.entityId, v.user.id)));
      expect(entry.actorId).to.equal(admin.user.id);
      expect(entry.details).to.include({ delta: 30, reason: '线下活动表现突出' });
    });

    it('refuses absurd, zero, fractional or unexplained adjustments with 400 naming the field', async () => {
      const admin = await createUser({ role: 'admin' });
      const v = await createUser();
      const cases: [Record<string, unknown>, string][] = [
        [{ delta: 1001, reason: 'way too much' }, 'delta'],
        [{ delta: -5000, reason: 'way too much' }, 'delta'],
        [{ delta: 0, reason: 'nothing at all' }, 'delta'],
        [{ delta: 2.5, reason: 'half points' }, 'delta'],
        [{ delta: '10', reason: 'string delta' }, 'delta'],
        [{ delta: 10 }, 'reason'],
        [{ delta: 10, reason: '   ' }, 'reason'],
      ];
      for (const [body, field] of cases) {
        const res = await api().post('/api/admin/points/adjustments').set(admin.auth).send({ userId: v.user.id, ...body }).expect(400);
        expect(res.body.error.details.map((d: { field: string }) => d.field)).to.include(field);
      }
      await api().post('/api/admin/points/adjustments').set(admin.auth).send({ userId: 'nope', delta: 1, reason: 'bad id here' }).expect(400);
      expect(await balanceOf(v)).to.equal(0);
    });

    it('answers 404 for an unknown user or one who is not a volunteer', async () => {
      const admin = await createUser({ role: 'admin' });
      const officer = await createUser({ role: 'officer' });
      for (const userId of ['6f1d0c8e-1111-4a4a-9b9b-000000000000', officer.user.id]) {
        await api().post('/api/admin/points/adjustments').set(admin.auth).send({ userId, delta: 5, reason: 'for testing' }).expect(404);
      }
    });

    it('refuses a deduction larger than the balance with 409 and writes nothing', async () => {
      const admin = await createUser({ role: 'admin' });
      const v = await createUser();
      await grant(v, 15);
      const res = await api()
        .post('/api/admin/points/adjustments')
        .set(admin.auth)
        .send({ userId: v.user.id, delta: -20, reason: 'correction of a double award' })
        .expect(409);
      expect(res.body.error.details).to.include({ reason: 'insufficient_points', balance: 15 });
      expect(await balanceOf(v)).to.equal(15);
      const audits = await db().select().from(auditLog).where(and(eq(auditLog.action, 'points.adjust'), eq(auditLog.entityId, v.user.id)));
      expect(audits).to.have.length(0);
      await api()
        .post('/api/admin/points/adjustments')
        .set(admin.auth)
        .send({ userId: v.user.id, delta: -15, reason: 'correction of a double award' })
        .expect(201);
      expect(await balanceOf(v)).to.equal(0);
    });

    it('adjusts once when the same Idempotency-Key is sent twice, even in parallel', async () => {
      const admin = await createUser({ role: 'admin' });
      const v = await createUser();
      const send = () =>
        api()
          .post('/api/admin/points/adjustments')
          .set(admin.auth)
          .set('Idempotency-Key', `adjust-${v.user.id}`)
          .send({ userId: v.user.id, delta: 25, reason: 'double-clicked form' });
      const [a, b] = await Promise.all([send(), send()]);
      expect([a.status, b.status]).to.deep.equal([201, 201]);
      expect(a.body.adjustment.ledgerId).to.equal(b.body.adjustment.ledgerId);
      expect(await balanceOf(v)).to.equal(25);
    });
  });

  describe('GET /api/admin/points/consistency', () => {
    it('is for admins only', async () => {
      const v = await createUser();
      await api().get('/api/admin/points/consistency').set(v.auth).expect(403);
    });

    it('reports the ledger consistent, and finds a balance that drifted from its ledger', async () => {
      const admin = await createUser({ role: 'admin' });
      const v = await createUser();
      await grant(v, 40);
      const ok = await api().get('/api/admin/points/consistency').set(admin.auth).expect(200);
      expect(ok.body).to.include({ isConsistent: true, negativeBalances: 0, duplicateAwards: 0 });
      expect(ok.body.usersChecked).to.be.greaterThan(1);
      await db().update(users).set({ pointsBalance: 41 }).where(eq(users.id, v.user.id));
      try {
        const bad = await api().get('/api/admin/points/consistency').set(admin.auth).expect(200);
        expect(bad.body.isConsistent).to.equal(false);
        expect(bad.body.balanceMismatches).to.deep.include({ userId: v.user.id, balance: 41, ledgerSum: 40 });
      } finally {
        await db().update(users).set({ pointsBalance: 40 }).where(eq(users.id, v.user.id));
      }
    });
  });
});
