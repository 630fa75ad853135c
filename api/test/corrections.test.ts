import { expect } from 'chai';
import { and, eq, sql } from 'drizzle-orm';
import { pointsLedger, tips, userPeriodPoints } from '../src/db/schema/index';
import { clock } from '../src/lib/clock';
import supertest from 'supertest';
import { api, db, harness, listen } from './support/harness';
import { createUser, type TestUser } from './support/factories';
import { balanceOf, grant, makeReward } from './support/points-helpers';
import { auditOf, createCast, ledgerOf, tipIn, tipRow, type Cast } from './support/police';

/** 衡阳县 (6) and 常宁市 (12): queues no other test file counts. */
const HOME = 6;
const AWAY = 12;

const decide = (who: TestUser, tipId: string, body: object) => api().post(`/api/tips/${tipId}/triage`).set(who.auth).send(body);
const reverse = (who: TestUser, tipId: string, reason = '误判，重新审核') =>
  api().post(`/api/tips/${tipId}/reverse`).set(who.auth).send({ reason });
const transfer = (who: TestUser, tipId: string, body: object) => api().post(`/api/tips/${tipId}/transfer`).set(who.auth).send(body);

const reversals = async (userId: string) => (await ledgerOf(userId)).filter((l) => l.reason === 'reversal');

describe('corrections: transferring a tip to another district', () => {
  let cast: Cast;
  let away: TestUser;
  before(async () => {
    cast = await createCast(HOME, AWAY);
    away = cast.otherOfficer;
  });

  it('moves an undecided tip to the other district’s queue, releases its claim, and records why (internally)', async () => {
    const tip = await tipIn(HOME);
    await api().post(`/api/tips/${tip.id}/claim`).set(cast.officer.auth).expect(200);
    const res = await transfer(cast.officer, tip.id, { districtId: AWAY, reason: '事发地在常宁市' }).expect(200);
    expect(res.body.tip).to.include({ districtId: AWAY, status: 'submitted', claimedById: null });

    expect(await tipRow(tip.id)).to.include({ districtId: AWAY, claimedById: null, claimExpiresAt: null });
    await api().get(`/api/tips/${tip.id}`).set(cast.officer.auth).expect(404);
    const queue = await api().get('/api/queue?limit=100').set(away.auth).expect(200);
    expect(queue.body.tips.map((t: { id: string }) => t.id)).to.include(tip.id);

    const asPolice = await api().get(`/api/tips/${tip.id}`).set(away.auth).expect(200);
    const entry = asPolice.body.tip.history.find((h: { kind: string }) => h.kind === 'transfer');
    expect(entry).to.deep.include({ isVisibleToReporter: false, by: 'police' });
    expect(entry.correction).to.deep.equal({ kind: 'transfer', reason: '事发地在常宁市', fromDistrictId: HOME, toDistrictId: AWAY });
    const asReporter = await api().get(`/api/tips/${tip.id}`).set(tip.reporter!.auth).expect(200);
    expect(JSON.stringify(asReporter.body.tip.history)).not.to.include('常宁市');
    expect(asReporter.body.tip.districtId).to.equal(AWAY);

    const [audited] = (await auditOf('tip', tip.id)).filter((a) => a.action === 'tip.transfer');
    expect(audited).to.include({ actorId: cast.officer.user.id, actorRole: 'officer' });
    expect(audited.details).to.include({ fromDistrictId: HOME, toDistrictId: AWAY, reason: '事发地在常宁市', claimedById: cast.officer.user.id });
  });

  it('answers 400 for the same district, an unknown district or a missing reason, and changes nothing', async () => {
    const tip = await tipIn(HOME);
    const cases: [object, string][] = [
      [{ districtId: HOME, reason: '同区' }, 'districtId'],
      [{ districtId: 99, reason: '不存在' }, 'districtId'],
      [{ districtId: 'x', reason: '不存在' }, 'districtId'],
      [{ districtId: AWAY }, 'reason'],
      [{ districtId: AWAY, reason: '  ' }, 'reason'],
      [{ districtId: AWAY, reason: 'x'.repeat(501) }, 'reason'],
      [{ districtId: AWAY, reason: '好', extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const res = await transfer(cast.supervisor, tip.id, body);
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.body.error.code).to.equal('VALIDATION');
      expect(res.body.error.details.map((d: { field: string }) => d.field)).to.include(field);
    }
    expect((await tipRow(tip.id)).districtId).to.equal(HOME);
    expect((await auditOf('tip', tip.id)).filter((a) => a.action === 'tip.transfer')).to.have.length(0);
  });

  it('answers 409 once the tip is decided, and 409 to an officer while another officer holds the claim', async () => {
    const decided = await tipIn(HOME);
    await decide(cast.officer, decided.id, { decision: 'invalid' }).expect(200);
    const late = await transfer(cast.officer, decided.id, { districtId: AWAY, reason: '转交' });
    expect(late.status).to.equal(409);
    expect(late.body.error).to.include({ code: 'TIP_STATUS' });
    expect(late.body.error.message).to.match(/already invalid/);

    const claimed = await tipIn(HOME);
    const colleague = await createUser({ role: 'officer', districtId: HOME });
    await api().post(`/api/tips/${claimed.id}/claim`).set(colleague.auth).expect(200);
    expect((await transfer(cast.officer, claimed.id, { districtId: AWAY, reason: '转交' })).status).to.equal(409);
    await transfer(cast.supervisor, claimed.id, { districtId: AWAY, reason: '主管转交' }).expect(200);
  });

  it('lets a tip asking for more information be transferred too', async () => {
    const tip = await tipIn(HOME);
    await decide(cast.officer, tip.id, { decision: 'needs_info', note: '请补充地址' }).expect(200);
    await transfer(cast.officer, tip.id, { districtId: AWAY, reason: '地址在常宁' }).expect(200);
    expect(await tipRow(tip.id)).to.include({ districtId: AWAY, status: 'needs_info' });
  });
});

describe('corrections: reversing a decision', () => {
  let cast: Cast;
  before(async () => {
    cast = await createCast(HOME, AWAY);
  });

  it('puts the tip back to submitted and compensates every award of the decision once', async () => {
    const tip = await tipIn(HOME);
    await decide(cast.officer, tip.id, { decision: 'valid', priority: 'urgent', note: '内部备注' }).expect(200);
    const reporter = tip.reporter!;
    expect(await balanceOf(reporter)).to.equal(20);

    const res = await reverse(cast.officer, tip.id, '看错了线索').expect(200);
    expect(res.body.tip).to.include({ status: 'submitted', decidedAt: null, decidedById: null, reversal: null });
    expect(await balanceOf(reporter)).to.equal(0);
    const undone = await reversals(reporter.user.id);
    expect(undone.map((l) => l.delta)).to.deep.equal([-10, -10]);
    expect(undone.every((l) => l.tipId === tip.id && l.compensatesId !== null)).to.equal(true);

    // History: the reporter sees the tip back under review, not the police's reason.
    const mine = await api().get(`/api/tips/${tip.id}`).set(reporter.auth).expect(200);
    expect(mine.body.tip.status).to.equal('submitted');
    expect(mine.body.tip.history.at(-1)).to.include({ fromStatus: 'valid', toStatus: 'submitted', note: null });
    expect(JSON.stringify(mine.body)).not.to.include('看错了线索');
    const points = await api().get('/api/me/points').set(reporter.auth).expect(200);
    expect(points.body.entries.slice(0, 2).map((e: { reason: string }) => e.reason)).to.deep.equal(['reversal', 'reversal']);
    expect(JSON.stringify(points.body)).not.to.include('看错了线索');
    const police = await api().get(`/api/tips/${tip.id}`).set(cast.officer.auth).expect(200);
    expect(police.body.tip.history.at(-1).correction).to.deep.equal({ kind: 'reversal', reason: '看错了线索' });

    const [audited] = (await auditOf('tip', tip.id)).filter((a) => a.action === 'tip.reverse');
    expect(audited).to.include({ actorId: cast.officer.user.id });
    expect(audited.details).to.include({ from: 'valid', reason: '看错了线索' });
    expect((audited.details as { points: unknown[] }).points).to.have.length(2);

    // Queue again, and a second reversal finds nothing to reverse.
    const queue = await api().get('/api/queue?limit=100').set(cast.officer.auth).expect(200);
    expect(queue.body.tips.map((t: { id: string }) => t.id)).to.include(tip.id);
    const again = await reverse(cast.supervisor, tip.id);
    expect(again.status).to.equal(409);
    expect(again.body.error.message).to.match(/already submitted/);
    expect(await reversals(reporter.user.id)).to.have.length(2);
  });

  it('awards again when the tip is decided again, and compensates the new decision on a second reversal', async () => {
    const tip = await tipIn(HOME);
    const reporter = tip.reporter!;
    await decide(cast.officer, tip.id, { decision: 'valid' }).expect(200);
    await reverse(cast.officer, tip.id).expect(200);
    await decide(cast.officer, tip.id, { decision: 'valid', priority: 'high' }).expect(200);
    expect(await balanceOf(reporter)).to.equal(20);
    const ledger = await ledgerOf(reporter.user.id);
    expect(ledger.map((l) => [l.reason, l.delta, l.tipDecision])).to.deep.equal([
      ['tip_validated', 10, 1],
      ['reversal', -10, 1],
      ['tip_validated', 10, 2],
      ['tip_priority_bonus', 10, 2],
    ]);
    await reverse(cast.supervisor, tip.id).expect(200);
    expect(await balanceOf(reporter)).to.equal(0);
    expect(await reversals(reporter.user.id)).to.have.length(3);
    expect((await tipRow(tip.id)).decisionSeq).to.equal(2);
  });

  it('refunds a deliberate false report penalty, and undoes a duplicate link', async () => {
    const reporter = await createUser({ role: 'volunteer', districtId: HOME });
    await grant(reporter, 30);
    const bad = await tipIn(HOME, { reporter });
    await decide(cast.officer, bad.id, { decision: 'invalid', isDeliberateFalse: true }).expect(200);
    expect(await balanceOf(reporter)).to.equal(10);
    await reverse(cast.officer, bad.id).expect(200);
    expect(await balanceOf(reporter)).to.equal(30);
    expect(await tipRow(bad.id)).to.include({ status: 'submitted', isDeliberateFalse: false });

    const original = await tipIn(HOME);
    const copy = await tipIn(HOME);
    await decide(cast.officer, copy.id, { decision: 'duplicate', duplicateOf: original.id }).expect(200);
    await reverse(cast.officer, copy.id).expect(200);
    expect(await tipRow(copy.id)).to.include({ status: 'submitted', duplicateOfId: null });
  });

  it('never takes the balance below zero when the volunteer already spent the points', async () => {
    const tip = await tipIn(HOME);
    const reporter = tip.reporter!;
    await decide(cast.officer, tip.id, { decision: 'valid', priority: 'high' }).expect(200);
    const reward = await makeReward({ cost: 15, stock: 5 });
    await api().post(`/api/rewards/${reward.id}/redeem`).set(reporter.auth).expect(201);
    expect(await balanceOf(reporter)).to.equal(5);

    await reverse(cast.officer, tip.id).expect(200);
    expect(await balanceOf(reporter)).to.equal(0);
    const undone = await reversals(reporter.user.id);
    expect(undone.map((l) => l.delta).reduce((a, b) => a + b, 0)).to.equal(-5);
    expect(undone.some((l) => /limited to the balance/.test(l.note ?? ''))).to.equal(true);
    // Decided again (the priority stays high): the awards are paid again in full.
    await decide(cast.officer, tip.id, { decision: 'valid' }).expect(200);
    expect(await balanceOf(reporter)).to.equal(20);
  });

  it('frees the daily cap room of a reversed award, so deciding again pays again', async () => {
    const reporter = await createUser({ role: 'volunteer', districtId: HOME });
    const ten = [];
    for (let i = 0; i < 10; i++) ten.push(await tipIn(HOME, { reporter }));
    for (const t of ten) await decide(cast.supervisor, t.id, { decision: 'valid' }).expect(200);
    expect(await balanceOf(reporter)).to.equal(100);
    await reverse(cast.supervisor, ten[0].id).expect(200);
    expect(await balanceOf(reporter)).to.equal(90);
    await decide(cast.supervisor, ten[0].id, { decision: 'valid' }).expect(200);
    expect(await balanceOf(reporter)).to.equal(100);
    const me = await api().get('/api/me/points').set(reporter.auth).expect(200);
    expect(me.body.earnedToday).to.equal(100);
  });

  it('takes a reversed award off the leaderboard of the week it was earned in', async () => {
    clock.set('2026-11-18T04:00:00Z');
    const tip = await tipIn(HOME);
    const reporter = tip.reporter!;
    await decide(cast.officer, tip.id, { decision: 'valid' }).expect(200);
    clock.advance(8 * 86_400_000);
    await reverse(cast.supervisor, tip.id).expect(409);
    await reverse(cast.admin, tip.id).expect(200);
    const rows = await db()
      .select({ period: userPeriodPoints.period, start: userPeriodPoints.periodStart, points: userPeriodPoints.points })
      .from(userPeriodPoints)
      .where(eq(userPeriodPoints.userId, reporter.user.id));
    // The week of the award (from Monday 16 November) is back to 0; the week of the reversal has no row.
    expect(rows.map((r) => `${r.period} ${r.start} ${r.points}`).sort()).to.deep.equal(['all 1970-01-01 0', 'month 2026-11-01 0', 'week 2026-11-16 0']);
    const [undone] = await reversals(reporter.user.id);
    expect(undone).to.include({ delta: -10, earnedOn: '2026-11-18' });
  });

  describe('who may reverse, and until when', () => {
    it('gives the deciding officer 10 minutes, a supervisor 7 days and an admin any time', async () => {
      clock.set('2026-11-30T02:00:00Z');
      const mine = await tipIn(HOME);
      await decide(cast.officer, mine.id, { decision: 'valid' }).expect(200);
      const view = await api().get(`/api/tips/${mine.id}`).set(cast.officer.auth).expect(200);
      expect(view.body.tip.reversal).to.deep.equal({ kind: 'undo', until: '2026-11-30T02:10:00.000Z' });
      clock.advance(10 * 60_000 + 1);
      expect((await api().get(`/api/tips/${mine.id}`).set(cast.officer.auth)).body.tip.reversal).to.equal(null);
      const late = await reverse(cast.officer, mine.id);
      expect(late.status).to.equal(409);
      expect(late.body.error).to.include({ code: 'TOO_LATE' });
      expect(late.body.error.details).to.include({ reason: 'reversal_window_closed', until: '2026-11-30T02:10:00.000Z' });
      expect((await tipRow(mine.id)).status).to.equal('valid');

      const supervisorView = await api().get(`/api/tips/${mine.id}`).set(cast.supervisor.auth).expect(200);
      expect(supervisorView.body.tip.reversal).to.deep.equal({ kind: 'review', until: '2026-12-07T02:00:00.000Z' });
      clock.advance(7 * 86_400_000);
      expect((await reverse(cast.supervisor, mine.id)).status).to.equal(409);
      expect((await api().get(`/api/tips/${mine.id}`).set(cast.admin.auth)).body.tip.reversal).to.deep.equal({ kind: 'review', until: null });
      await reverse(cast.admin, mine.id).expect(200);
      expect(await balanceOf(mine.reporter!)).to.equal(0);
    });

    it('refuses another officer of the district (403), police of another district (404) and others (403)', async () => {
      const tip = await tipIn(HOME);
      await decide(cast.officer, tip.id, { decision: 'valid' }).expect(200);
      const colleague = await createUser({ role: 'officer', districtId: HOME });
      expect((await reverse(colleague, tip.id)).status).to.equal(403);
      expect((await reverse(cast.otherOfficer, tip.id)).status).to.equal(404);
      expect((await reverse(cast.volunteer, tip.id)).status).to.equal(403);
      expect((await reverse(tip.reporter!, tip.id)).status).to.equal(403);
      await api().post(`/api/tips/${tip.id}/reverse`).send({ reason: '无' }).expect(401);
      expect((await tipRow(tip.id)).status).to.equal('valid');
      expect(await balanceOf(tip.reporter!)).to.equal(10);
    });

    it('answers 400 without a reason and 404 for an unknown tip', async () => {
      const tip = await tipIn(HOME);
      await decide(cast.officer, tip.id, { decision: 'valid' }).expect(200);
      const res = await api().post(`/api/tips/${tip.id}/reverse`).set(cast.officer.auth).send({});
      expect(res.status).to.equal(400);
      expect(res.body.error.details[0].field).to.equal('reason');
      await api().post('/api/tips/not-a-uuid/reverse').set(cast.officer.auth).send({ reason: '原因' }).expect(400);
      await reverse(cast.officer, '00000000-0000-4000-8000-000000000000').expect(404);
    });
  });

  describe('tips linked to cases', () => {
    it('takes a reversed tip out of a case still being worked', async () => {
      const kase = await api().post('/api/cases').set(cast.officer.auth).send({ title: '撤销测试案件' }).expect(201);
      const tip = await tipIn(HOME);
      await decide(cast.officer, tip.id, { decision: 'valid', caseId: kase.body.case?.id ?? kase.body.id }).expect(200);
      const caseId = (await tipRow(tip.id)).caseId!;
      await reverse(cast.officer, tip.id).expect(200);
      expect(await tipRow(tip.id)).to.include({ status: 'submitted', caseId: null });
      const detail = await api().get(`/api/cases/${caseId}`).set(cast.officer.auth).expect(200);
      expect(JSON.stringify(detail.body)).not.to.include(tip.id);
      const police = await api().get(`/api/tips/${tip.id}`).set(cast.officer.auth).expect(200);
      expect(police.body.tip.history.some((h: { caseLink: { linked: boolean } | null }) => h.caseLink?.linked === false)).to.equal(true);
    });

    it('refuses (409) while the case is solved, and compensates the case bonus once it is reopened', async () => {
      const created = await api().post('/api/cases').set(cast.supervisor.auth).send({ title: '已破案件' }).expect(201);
      const caseId: string = created.body.case?.id ?? created.body.id;
      const tip = await tipIn(HOME);
      const reporter = tip.reporter!;
      await decide(cast.supervisor, tip.id, { decision: 'valid', caseId }).expect(200);
      await api().patch(`/api/cases/${caseId}`).set(cast.supervisor.auth).send({ status: 'investigating' }).expect(200);
      await api().patch(`/api/cases/${caseId}`).set(cast.supervisor.auth).send({ status: 'solved' }).expect(200);
      expect(await balanceOf(reporter)).to.equal(60);

      const refused = await reverse(cast.supervisor, tip.id);
      expect(refused.status).to.equal(409);
      expect(refused.body.error.message).to.match(/solved; reopen it/);
      expect(await balanceOf(reporter)).to.equal(60);

      await api().patch(`/api/cases/${caseId}`).set(cast.supervisor.auth).send({ status: 'investigating' }).expect(200);
      await reverse(cast.supervisor, tip.id).expect(200);
      expect(await balanceOf(reporter)).to.equal(0);
      expect((await reversals(reporter.user.id)).map((l) => l.delta).sort()).to.deep.equal([-10, -50]);
    });
  });
});

describe('corrections: at the same moment', () => {
  let cast: Cast;
  let server: Awaited<ReturnType<typeof listen>>;
  // One listening server: requests fired together reach the app together (supertest(app) would
  // open a server per request and stagger them).
  const at = (who: TestUser, tipId: string, body: object) =>
    supertest(server.url).post(`/api/tips/${tipId}/triage`).set(who.auth).send(body);
  before(async () => {
    cast = await createCast(HOME, AWAY);
    server = await listen(harness().app);
  });
  after(() => server.close());

  it('compensates once when two reversals of the same decision race', async () => {
    for (let round = 0; round < 4; round++) {
      const tip = await tipIn(HOME);
      await decide(cast.officer, tip.id, { decision: 'valid', priority: 'high' }).expect(200);
      const results = await Promise.all(
        [cast.officer, cast.supervisor, cast.admin].map((who) =>
          supertest(server.url).post(`/api/tips/${tip.id}/reverse`).set(who.auth).send({ reason: '同时撤销' }),
        ),
      );
      expect(results.map((r) => r.status).sort()).to.deep.equal([200, 409, 409]);
      expect(await balanceOf(tip.reporter!)).to.equal(0);
      expect(await reversals(tip.reporter!.user.id)).to.have.length(2);
      expect((await auditOf('tip', tip.id)).filter((a) => a.action === 'tip.reverse')).to.have.length(1);
    }
  });

  it('never lets two officers mark A a duplicate of B and B of A at once', async () => {
    for (let round = 0; round < 3; round++) {
      const pairs = [];
      for (let i = 0; i < 6; i++) pairs.push([await tipIn(HOME), await tipIn(HOME)] as const);
      // Every pair raced at the same moment, so some pairs truly overlap on the server.
      const results = await Promise.all(
        pairs.map(([a, b]) =>
          Promise.all([
            at(cast.officer, a.id, { decision: 'duplicate', duplicateOf: b.id }),
            at(cast.supervisor, b.id, { decision: 'duplicate', duplicateOf: a.id }),
          ]),
        ),
      );
      for (const [i, [a, b]] of pairs.entries()) {
        // The loser waited for the winner's locks (409: its original was just marked), or — when the
        // two ran one after the other — followed the new link back to itself (422).
        const statuses = results[i].map((r) => r.status).sort();
        expect(statuses[0], JSON.stringify(results[i].map((r) => r.body.error))).to.equal(200);
        expect(statuses[1]).to.be.oneOf([409, 422]);
        const rows = await db()
          .select({ id: tips.id, status: tips.status, duplicateOfId: tips.duplicateOfId })
          .from(tips)
          .where(sql`${tips.id} IN (${a.id}, ${b.id})`);
        const marked = rows.filter((r) => r.status === 'duplicate');
        expect(marked).to.have.length(1);
        const other = rows.find((r) => r.id !== marked[0].id)!;
        expect(marked[0].duplicateOfId).to.equal(other.id);
        expect(other).to.include({ status: 'submitted', duplicateOfId: null });
      }
    }
  });

  it('never closes a longer cycle (A→B, B→C, C→A at once)', async () => {
    for (let round = 0; round < 4; round++) {
      const [a, b, c] = [await tipIn(HOME), await tipIn(HOME), await tipIn(HOME)];
      const results = await Promise.all([
        at(cast.officer, a.id, { decision: 'duplicate', duplicateOf: b.id }),
        at(cast.supervisor, b.id, { decision: 'duplicate', duplicateOf: c.id }),
        at(cast.admin, c.id, { decision: 'duplicate', duplicateOf: a.id }),
      ]);
      expect(results.filter((r) => r.status === 409 || r.status === 422).length).to.be.at.least(1);
      const rows = await db()
        .select({ id: tips.id, duplicateOfId: tips.duplicateOfId })
        .from(tips)
        .where(sql`${tips.id} IN (${a.id}, ${b.id}, ${c.id})`);
      const next = new Map(rows.map((r) => [r.id, r.duplicateOfId]));
      // Following the links from any tip ends at a tip that is not a duplicate.
      for (const start of rows) {
        let at: string | null = start.id;
        for (let hop = 0; hop < 4 && at; hop++) at = next.get(at) ?? null;
        expect(at).to.equal(null);
      }
    }
  });

  it('keeps every ledger entry of a reversal tied to the tip and the entry it undoes', async () => {
    const rows = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(pointsLedger)
      .where(and(eq(pointsLedger.reason, 'reversal'), sql`${pointsLedger.compensatesId} IS NULL`));
    expect(rows[0].n).to.equal(0);
  });
});
