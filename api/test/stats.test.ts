import { expect } from 'chai';
import { eq, sql } from 'drizzle-orm';
import { campaignParticipants, campaigns, cases, tips, verifications } from '../src/db/schema/index';
import { clock } from '../src/lib/clock';
import { clearPublicFiguresCache } from '../src/modules/stats/public-figures';
import { api, db } from './support/harness';
import { createTip, createUser, type TestUser } from './support/factories';

/** 衡东县 (9) and 常宁市 (12): the crafted figures live in March 2024, a month no other test writes to. */
const A = 9;
const B = 12;
const H = 3_600_000;
/** A moment in Asia/Shanghai time. */
const cst = (local: string) => new Date(`${local}+08:00`).getTime();

async function tipAt(at: number, o: { reporter: TestUser | null; districtId: number; category: string }) {
  clock.set(at);
  const { tip } = await createTip(o.reporter, { districtId: o.districtId, category: o.category as never, occurredAt: new Date(at - H) });
  // Submission stamps the wall-clock time: the crafted tip is moved to its moment (the summary follows).
  await db().update(tips).set({ createdAt: new Date(at) }).where(eq(tips.id, tip.id));
  return tip;
}

async function decide(who: TestUser, tipId: string, at: number, body: Record<string, unknown>) {
  clock.set(at);
  const res = await api().post(`/api/tips/${tipId}/triage`).set(who.auth).send(body);
  expect(res.status, JSON.stringify(res.body)).to.equal(200);
}

const overview = (who: TestUser | null, query: Record<string, string | number> = {}) => {
  const req = api().get('/api/stats/overview').query(query);
  return who ? req.set(who.auth) : req;
};

describe('statistics: overview', () => {
  let supervisor: TestUser;
  let supervisorB: TestUser;
  let admin: TestUser;
  let officer: TestUser;
  let others: TestUser[];
  let backlogBefore: Record<string, number>;
  const NOW = cst('2024-03-18T12:00:00');
  const PERIOD = { from: '2024-03-04', to: '2024-03-17' };

  const backlogOf = async () => {
    clock.set(NOW);
    const res = await overview(supervisor, PERIOD);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    const b = res.body.backlog as { total: number; byAge: { bucket: string; tips: number }[] };
    return { total: b.total, ...Object.fromEntries(b.byAge.map((x) => [x.bucket, x.tips])) };
  };

  before(async () => {
    [supervisor, supervisorB, admin, officer] = await Promise.all([
      createUser({ role: 'supervisor', districtId: A }),
      createUser({ role: 'supervisor', districtId: B }),
      createUser({ role: 'admin' }),
      createUser({ role: 'officer', districtId: A }),
    ]);
    others = await Promise.all([
      createUser({ role: 'volunteer', districtId: A }),
      createUser({ role: 'organizer', districtId: A }),
      createUser({ role: 'auxiliary', districtId: A }),
      officer,
    ]);
    // Other test files leave open tips in every district: the backlog is asserted as a difference.
    backlogBefore = await backlogOf();

    const [v1, v2, v3, v4, v5] = await Promise.all([1, 2, 3, 4, 5].map((i) => createUser({ role: 'volunteer', districtId: i === 5 ? B : A })));
    const at = (local: string) => cst(`2024-03-${local}`);
    // In the period, district A.
    const t1 = await tipAt(at('04T10:00:00'), { reporter: v1, districtId: A, category: 'fraud' });
    const t2 = await tipAt(at('05T10:00:00'), { reporter: v1, districtId: A, category: 'fraud' });
    const t3 = await tipAt(at('06T10:00:00'), { reporter: v2, districtId: A, category: 'traffic' });
    const t4 = await tipAt(at('11T10:00:00'), { reporter: v2, districtId: A, category: 'traffic' });
    const t5 = await tipAt(at('12T10:00:00'), { reporter: v2, districtId: A, category: 'drugs' });
    await tipAt(at('13T10:00:00'), { reporter: v3, districtId: A, category: 'drugs' });
    await tipAt(at('16T10:00:00'), { reporter: v3, districtId: A, category: 'traffic' });
    // The period's last minutes (Asia/Shanghai), anonymous: counted, but no volunteer.
    await tipAt(at('17T23:30:00'), { reporter: null, districtId: A, category: 'fraud' });
    // Outside the period: the next day, the day before, two months before.
    await tipAt(at('18T00:30:00'), { reporter: v4, districtId: A, category: 'fraud' });
    await tipAt(at('03T23:59:00'), { reporter: v4, districtId: A, category: 'fraud' });
    await tipAt(cst('2024-01-10T10:00:00'), { reporter: v4, districtId: A, category: 'fraud' });
    // District B, in the period.
    const t10 = await tipAt(at('05T10:00:00'), { reporter: v5, districtId: B, category: 'fraud' });

    await decide(supervisor, t1.id, at('04T11:00:00'), { decision: 'valid' });
    await decide(supervisor, t2.id, at('05T12:00:00'), { decision: 'invalid' });
    await decide(supervisor, t3.id, at('06T13:00:00'), { decision: 'invalid' });
    // Reversed and decided again: the first decision's time stays.
    clock.set(at('06T14:00:00'));
    expect((await api().post(`/api/tips/${t3.id}/reverse`).set(supervisor.auth).send({ reason: '判断有误' })).status).to.equal(200);
    await decide(supervisor, t3.id, at('07T06:00:00'), { decision: 'valid' });
    await decide(supervisor, t4.id, at('11T15:00:00'), { decision: 'needs_info', note: '请补充具体地点' });
    await decide(supervisor, t5.id, at('12T20:00:00'), { decision: 'duplicate', duplicateOf: t1.id });
    await decide(supervisorB, t10.id, at('05T14:00:00'), { decision: 'valid' });

    // Cases: one opened in the period and solved in it, one opened before and solved in it, one solved after.
    const kase = (o: { districtId: number; createdAt: number; solvedAt?: number; n: number }) => ({
      reference: `CASE-STATS-${o.n}`,
      districtId: o.districtId,
      title: '统计测试案件',
      status: o.solvedAt ? ('solved' as const) : ('open' as const),
      createdById: supervisor.user.id,
      createdAt: new Date(o.createdAt),
      solvedAt: o.solvedAt ? new Date(o.solvedAt) : null,
    });
    await db()
      .insert(cases)
      .values([
        kase({ n: 1, districtId: A, createdAt: at('05T09:00:00'), solvedAt: at('10T09:00:00') }),
        kase({ n: 2, districtId: A, createdAt: cst('2024-02-20T09:00:00'), solvedAt: at('12T09:00:00') }),
        kase({ n: 3, districtId: A, createdAt: at('15T09:00:00'), solvedAt: cst('2024-03-20T09:00:00') }),
        kase({ n: 4, districtId: B, createdAt: at('15T09:00:00') }),
      ]);
    // Campaigns: one in the period with three volunteers (40 and 20 minutes, one only joined), one after it.
    const campaign = (startsAt: number) => ({
      title: '统计测试巡逻',
      kind: 'patrol' as const,
      description: '巡逻',
      startsAt: new Date(startsAt),
      endsAt: new Date(startsAt + 2 * H),
      lat: 26.9,
      lng: 112.9,
      radiusM: 200,
      address: '衡东县城',
      districtId: A,
      points: 10,
      createdBy: supervisor.user.id,
    });
    const [held, later] = await db().insert(campaigns).values([campaign(at('08T09:00:00')), campaign(cst('2024-03-20T09:00:00'))]).returning();
    const joined = new Date(at('01T09:00:00'));
    await db()
      .insert(campaignParticipants)
      .values([
        { campaignId: held.id, userId: v1.user.id, joinedAt: joined, checkedInAt: new Date(at('08T09:00:00')), checkedOutAt: new Date(at('08T09:40:00')), minutes: 40 },
        { campaignId: held.id, userId: v2.user.id, joinedAt: joined, checkedInAt: new Date(at('08T09:00:00')), checkedOutAt: new Date(at('08T09:20:00')), minutes: 20 },
        { campaignId: held.id, userId: v3.user.id, joinedAt: joined },
        { campaignId: later.id, userId: v4.user.id, joinedAt: joined },
      ]);
    clock.set(NOW);
  });
  beforeEach(() => clock.set(NOW));
  after(() => clock.reset());

  it('gives a supervisor every figure of their district for the period, each exactly', async () => {
    const res = await overview(supervisor, PERIOD);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    const b = res.body;
    expect(b.period).to.deep.equal({ from: '2024-03-04', to: '2024-03-17', days: 14 });
    expect(b.districtId).to.equal(A);
    expect(b.tips.total).to.equal(8);
    expect(b.tips.byStatus).to.deep.equal({ submitted: 3, needs_info: 1, valid: 2, invalid: 1, duplicate: 1 });
    const byCategory = Object.fromEntries(b.tips.byCategory.map((c: { category: string; tips: number }) => [c.category, c.tips]));
    expect(byCategory).to.include({ fraud: 3, traffic: 3, drugs: 2, gangs: 0, other: 0 });
    expect(b.tips.byDistrict).to.deep.equal([{ districtId: A, tips: 8 }]);
    expect(b.tips.byWeek).to.deep.equal([
      { weekStart: '2024-03-04', tips: 3 },
      { weekStart: '2024-03-11', tips: 5 },
    ]);
    // First decisions after 1, 2, 3, 5 and 10 hours: nearest rank, the 3rd and the 5th.
    expect(b.decisions).to.deep.equal({ decided: 5, medianHours: 3, p90Hours: 10, validRate: 0.5 });
    expect(b.cases).to.deep.equal({ opened: 2, solved: 2 });
    expect(b.activeVolunteers).to.equal(3);
    expect(b.campaigns).to.deep.equal({ held: 1, joined: 3, checkedIn: 2, attended: 1, minutesAttended: 60 });
  });

  it('counts the backlog undecided now by age', async () => {
    const after = await backlogOf();
    const delta = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - backlogBefore[k]]));
    // Open: 17th 23:30 and 18th 00:30 (<1 day), 16th (1–3 days), 13th (3–7), 11th needs_info and 3rd (7–30), January (>30).
    expect(delta).to.deep.equal({ total: 7, under_1d: 2, '1_3d': 1, '3_7d': 1, '7_30d': 2, over_30d: 1 });
  });

  it('gives an admin the city, each district and the same figures for a district', async () => {
    const city = await overview(admin, PERIOD);
    expect(city.status).to.equal(200);
    expect(city.body.districtId).to.equal(null);
    expect(city.body.tips.byDistrict).to.have.length(12);
    const byDistrict = Object.fromEntries(city.body.tips.byDistrict.map((d: { districtId: number; tips: number }) => [d.districtId, d.tips]));
    expect(byDistrict[A]).to.equal(8);
    expect(byDistrict[B]).to.equal(1);
    // With B's tip decided after 4 hours: 1, 2, 3, 4, 5, 10.
    expect(city.body.decisions).to.deep.equal({ decided: 6, medianHours: 3, p90Hours: 10, validRate: 0.6 });
    expect(city.body.activeVolunteers).to.equal(4);
    expect(city.body.cases).to.deep.equal({ opened: 3, solved: 2 });
    const district = await overview(admin, { ...PERIOD, districtId: A });
    expect(district.status).to.equal(200);
    const own = await overview(supervisor, PERIOD);
    expect(district.body).to.deep.equal(own.body);
  });

  it('answers 404 for another district to a supervisor, 403 to other roles and 401 signed out', async () => {
    expect((await overview(supervisor, { districtId: B })).status).to.equal(404);
    const own = await overview(supervisor, { districtId: A });
    expect(own.status, JSON.stringify(own.body)).to.equal(200);
    for (const who of others) {
      const res = await overview(who);
      expect(res.status, who.user.role).to.equal(403);
      expect(res.body.error.code).to.equal('FORBIDDEN');
    }
    expect((await overview(null)).status).to.equal(401);
  });

  it('refuses malformed dates, reversed or over-long periods and unknown districts with 400 naming the field', async () => {
    const bad: [Record<string, string | number>, string][] = [
      [{ from: '2024-13-01' }, 'from'],
      [{ from: '2024-02-30' }, 'from'],
      [{ to: 'yesterday' }, 'to'],
      [{ from: '2024-03-10', to: '2024-03-09' }, 'to'],
      [{ from: '2021-12-31', to: '2024-01-01' }, 'to'],
      [{ districtId: 99 }, 'districtId'],
      [{ districtId: 'abc' }, 'districtId'],
      [{ color: 'red' }, 'color'],
    ];
    for (const [query, field] of bad) {
      const res = await overview(admin, query);
      expect(res.status, JSON.stringify(query)).to.equal(400);
      expect(res.body.error.code).to.equal('VALIDATION');
      expect(res.body.error.details.map((d: { field: string }) => d.field)).to.include(field);
    }
    // Exactly two years (731 days) is allowed; the default is the last 30 days.
    expect((await overview(admin, { from: '2022-03-18', to: '2024-03-17' })).status).to.equal(200);
    const dflt = await overview(admin);
    expect(dflt.body.period).to.deep.equal({ from: '2024-02-18', to: '2024-03-18', days: 30 });
  });

  it('keeps the daily summary equal to the tips themselves, also under parallel submissions and decisions', async () => {
    const day = cst('2024-02-01T10:00:00');
    const reporter = await createUser({ role: 'volunteer', districtId: A });
    const made = await Promise.all(Array.from({ length: 12 }, () => tipAt(day, { reporter, districtId: A, category: 'fraud' })));
    clock.set(day + H);
    const results = await Promise.all(
      made.map((t, i) => api().post(`/api/tips/${t.id}/triage`).set(supervisor.auth).send({ decision: i % 3 === 0 ? 'invalid' : 'valid' })),
    );
    expect(results.map((r) => r.status)).to.deep.equal(Array(12).fill(200));
    const february = await overview(supervisor, { from: '2024-02-01', to: '2024-02-01' });
    expect(february.body.tips.byStatus).to.deep.equal({ submitted: 0, needs_info: 0, valid: 8, invalid: 4, duplicate: 0 });
    const { rows } = await db().execute<{ bad: number }>(sql`
      SELECT count(*)::int AS bad FROM (
        SELECT hy_stats_day(created_at) AS day, district_id, category, status, count(*)::int AS n FROM ${tips} GROUP BY 1, 2, 3, 4) t
      FULL JOIN (SELECT * FROM tip_daily_stats WHERE tips <> 0) s USING (day, district_id, category, status)
      WHERE t.n IS DISTINCT FROM s.tips`);
    expect(Number(rows[0].bad)).to.equal(0);
  });

  it('keeps the volunteer, decision-time, monthly and weekly summaries equal to the tips through parallel submissions, transfers, moves and deletions', async () => {
    /** Rows of each summary that differ from the same figures computed from the tips (0 when right). */
    const mismatches = async () => {
      const { rows } = await db().execute<{ pairs: number; last: number; hours: number; months: number; weeks: number }>(sql`
        WITH d AS (SELECT DISTINCT t.reporter_id, s.scope, hy_stats_day(t.created_at) AS day
                   FROM tips t CROSS JOIN LATERAL (VALUES (t.district_id), (0::smallint)) s(scope) WHERE t.reporter_id IS NOT NULL),
             c AS (SELECT scope, day, coalesce(lag(day) OVER w, '-infinity'::date) AS prev_day, lead(day) OVER w IS NULL AS is_last
                   FROM d WINDOW w AS (PARTITION BY reporter_id, scope ORDER BY day)),
             p AS (SELECT scope, day, prev_day, count(*)::int AS n FROM c GROUP BY 1, 2, 3),
             l AS (SELECT scope, day, count(*)::int AS n FROM c WHERE is_last GROUP BY 1, 2),
             h AS (SELECT s.scope, hy_stats_day(f.submitted_at) AS day, hy_decision_hours(f.submitted_at, f.first_decided_at) AS hours, count(*)::int AS n
                   FROM tip_first_decisions f CROSS JOIN LATERAL (VALUES (f.district_id), (0::smallint)) s(scope) GROUP BY 1, 2, 3)
        SELECT (SELECT count(*) FROM p FULL JOIN (SELECT * FROM volunteer_day_pairs WHERE volunteers <> 0) v USING (scope, day, prev_day)
                WHERE p.n IS DISTINCT FROM v.volunteers)::int AS pairs,
               (SELECT count(*) FROM l FULL JOIN (SELECT * FROM volunteer_last_days WHERE volunteers <> 0) v USING (scope, day)
                WHERE l.n IS DISTINCT FROM v.volunteers)::int AS last,
               (SELECT count(*) FROM h FULL JOIN (SELECT * FROM tip_decision_hours WHERE tips <> 0) x USING (scope, day, hours)
                WHERE h.n IS DISTINCT FROM x.tips)::int AS hours,
               (SELECT count(*) FROM (SELECT date_trunc('month', hy_stats_day(created_at))::date AS month, district_id, category, status, count(*)::int AS n
                                      FROM tips GROUP BY 1, 2, 3, 4) t
                FULL JOIN (SELECT * FROM tip_monthly_stats WHERE tips <> 0) x USING (month, district_id, category, status) WHERE t.n IS DISTINCT FROM x.tips)::int AS months,
               (SELECT count(*) FROM (SELECT hy_stats_day(created_at) - (extract(isodow FROM hy_stats_day(created_at))::int - 1) AS week, district_id, category, count(*)::int AS n
                                      FROM tips GROUP BY 1, 2, 3) t
                FULL JOIN (SELECT * FROM tip_weekly_stats WHERE tips <> 0) x USING (week, district_id, category) WHERE t.n IS DISTINCT FROM x.tips)::int AS weeks`);
      return rows[0];
    };
    const clean = { pairs: 0, last: 0, hours: 0, months: 0, weeks: 0 };
    expect(await mismatches()).to.deep.equal(clean);

    // One volunteer submitting in parallel on a new day, and on days between their earlier ones.
    const busy = await createUser({ role: 'volunteer', districtId: A });
    const at = (local: string) => cst(`2024-04-${local}`);
    await tipAt(at('01T10:00:00'), { reporter: busy, districtId: A, category: 'fraud' });
    await tipAt(at('20T10:00:00'), { reporter: busy, districtId: B, category: 'fraud' });
    clock.set(at('10T10:00:00'));
    const parallel = await Promise.all(Array.from({ length: 6 }, (_, i) => createTip(busy, { districtId: i % 2 ? A : B, category: 'fraud' })));
    expect(await mismatches()).to.deep.equal(clean);
    await Promise.all(parallel.slice(0, 4).map((t, i) => decide(admin, t.tip.id, at('10T10:00:00') + (i + 1) * 7 * H, { decision: 'valid' })));
    // A tip moved to another day, a transfer, a reporter removed, a deletion.
    await db().update(tips).set({ createdAt: new Date(at('15T10:00:00')) }).where(eq(tips.id, parallel[4].tip.id));
    clock.set(at('10T12:00:00'));
    expect((await api().post(`/api/tips/${parallel[5].tip.id}/transfer`).set(admin.auth).send({ districtId: B, reason: '属地调整' })).status).to.equal(200);
    await db().update(tips).set({ reporterId: null }).where(eq(tips.id, parallel[1].tip.id));
    expect(await mismatches()).to.deep.equal(clean);
    await db().delete(tips).where(eq(tips.id, parallel[5].tip.id));
    expect(await mismatches()).to.deep.equal(clean);

    // The figures equal a count of distinct reporters and percentile_disc over the tips, for periods
    // read directly and through the complement, for a district and the city.
    clock.set(NOW);
    const periods = [
      PERIOD,
      { from: '2024-04-01', to: '2024-04-30' },
      { from: '2024-01-01', to: '2024-02-29' },
      { from: '2023-03-20', to: '2024-03-18' },
      { from: '2024-02-14', to: '2024-04-11' },
      { from: '2023-12-31', to: '2024-05-01' },
      { from: '2024-04-10', to: '2024-04-10' },
    ];
    for (const period of periods)
      for (const districtId of [A, undefined]) {
        const res = await overview(admin, { ...period, ...(districtId ? { districtId } : {}) });
        expect(res.status, JSON.stringify(res.body)).to.equal(200);
        const start = new Date(cst(`${period.from}T00:00:00`)).toISOString();
        const end = new Date(cst(`${period.to}T00:00:00`) + 24 * H).toISOString();
        const inScope = districtId ? sql`district_id = ${districtId}` : sql`true`;
        const { rows } = await db().execute<{ active: number; decided: number; p50: number | null; p90: number | null }>(sql`
          SELECT (SELECT count(DISTINCT reporter_id)::int FROM tips WHERE ${inScope} AND created_at >= ${start} AND created_at < ${end}) AS active,
                 count(*)::int AS decided,
                 percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_decided_at - submitted_at)::float8) AS p50,
                 percentile_disc(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_decided_at - submitted_at)::float8) AS p90
          FROM tip_first_decisions WHERE ${inScope} AND submitted_at >= ${start} AND submitted_at < ${end}`);
        const [want] = rows;
        const hours = (s: number | null) => (s === null ? null : Math.round((Number(s) / 3600) * 100) / 100);
        const label = `${period.from}…${period.to} ${districtId ?? 'city'}`;
        expect(res.body.activeVolunteers, label).to.equal(Number(want.active));
        expect(res.body.decisions.decided, label).to.equal(Number(want.decided));
        expect(res.body.decisions.medianHours, label).to.equal(hours(want.p50));
        expect(res.body.decisions.p90Hours, label).to.equal(hours(want.p90));
        // Totals, whole months and weeks from their rollups, the ends from the days: as counted from the tips.
        const totals = await db().execute<{ kind: string; key: string; n: number }>(sql`
          SELECT 'status' AS kind, status::text AS key, count(*)::int AS n FROM tips WHERE ${inScope} AND created_at >= ${start} AND created_at < ${end} GROUP BY 2
          UNION ALL SELECT 'category', category, count(*)::int FROM tips WHERE ${inScope} AND created_at >= ${start} AND created_at < ${end} GROUP BY 2
          UNION ALL SELECT 'district', district_id::text, count(*)::int FROM tips WHERE ${inScope} AND created_at >= ${start} AND created_at < ${end} GROUP BY 2
          UNION ALL SELECT 'week', to_char(hy_stats_day(created_at) - (extract(isodow FROM hy_stats_day(created_at))::int - 1), 'YYYY-MM-DD'), count(*)::int
                    FROM tips WHERE ${inScope} AND created_at >= ${start} AND created_at < ${end} GROUP BY 2`);
        const counted = (kind: string) =>
          Object.fromEntries(totals.rows.filter((r) => r.kind === kind).map((r) => [r.key, Number(r.n)]));
        const shown = <T extends { tips: number }>(list: T[], key: (x: T) => string) =>
          Object.fromEntries(list.filter((x) => x.tips > 0).map((x) => [key(x), x.tips]));
        const b = res.body.tips;
        expect(shown(Object.entries(b.byStatus as Record<string, number>).map(([k, tips]) => ({ k, tips })), (x) => x.k), label).to.deep.equal(counted('status'));
        expect(shown(b.byCategory as { category: string; tips: number }[], (x) => x.category), label).to.deep.equal(counted('category'));
        expect(shown(b.byDistrict as { districtId: number; tips: number }[], (x) => String(x.districtId)), label).to.deep.equal(counted('district'));
        expect(shown(b.byWeek as { weekStart: string; tips: number }[], (x) => x.weekStart), label).to.deep.equal(counted('week'));
      }
  });

  it('counts on-site checks due in the period, those overdue, and those open past due now', async () => {
    const checks = async (who: TestUser) => {
      const res = await overview(who, PERIOD);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      return res.body.onSiteChecks as { due: number; overdue: number; overdueNow: number };
    };
    // Other test files leave open checks: "open past due now" is asserted as a difference.
    const [ownBefore, cityBefore] = [await checks(supervisor), await checks(admin)];
    expect(ownBefore.due).to.equal(0);
    const auxA = await createUser({ role: 'auxiliary', districtId: A });
    const auxB = await createUser({ role: 'auxiliary', districtId: B });
    const at = (local: string) => new Date(cst(`2024-03-${local}`));
    /** A check of a tip of its own (submitted in February, outside the period); the tip carries the queue's copy. */
    const check = async (aux: TestUser, districtId: number, dueAt: Date, reportedAt: Date | null) => {
      const tip = await tipAt(cst('2024-02-10T10:00:00'), { reporter: null, districtId, category: 'fraud' });
      await db()
        .insert(verifications)
        .values({
          tipId: tip.id,
          communityId: aux.user.communityId!,
          assignedToId: aux.user.id,
          requestedById: supervisor.user.id,
          note: '请核实',
          dueAt,
          createdAt: new Date(dueAt.getTime() - 48 * H),
          ...(reportedAt ? { status: 'reported' as const, finding: 'confirmed' as const, reportedById: aux.user.id, reportedAt } : {}),
        });
      await db()
        .update(tips)
        .set({ verificationStatus: reportedAt ? 'reported' : 'open', verificationDueAt: dueAt })
        .where(eq(tips.id, tip.id));
    };
    await check(auxA, A, at('05T10:00:00'), at('05T09:00:00')); // on time
    await check(auxA, A, at('06T10:00:00'), at('07T10:00:00')); // reported a day late
    await check(auxA, A, at('10T10:00:00'), null); // never reported: overdue, and still open past due now
    await check(auxA, A, at('18T10:00:00'), null); // due after the period, past due now
    await check(auxA, A, at('19T10:00:00'), null); // not due yet
    await check(auxA, A, at('03T10:00:00'), at('04T10:00:00')); // due before the period
    await check(auxB, B, at('06T10:00:00'), null); // district B
    clock.set(NOW);
    const own = await checks(supervisor);
    expect({ ...own, overdueNow: own.overdueNow - ownBefore.overdueNow }).to.deep.equal({ due: 3, overdue: 2, overdueNow: 2 });
    const city = await checks(admin);
    expect({ ...city, due: city.due - cityBefore.due, overdue: city.overdue - cityBefore.overdue, overdueNow: city.overdueNow - cityBefore.overdueNow }).to.deep.equal({
      due: 4,
      overdue: 3,
      overdueNow: 3,
    });
    // The same checks an hour before the one due on the 18th: it is not overdue yet.
    clock.set(cst('2024-03-18T09:00:00'));
    expect((await checks(supervisor)).overdueNow - ownBefore.overdueNow).to.equal(1);
  });

  it('keeps the first decision through a reversal and moves it with a transferred tip', async () => {
    const at = (local: string) => cst(`2024-04-${local}`);
    const week = { from: '2024-04-01', to: '2024-04-07' };
    const reporter = await createUser({ role: 'volunteer', districtId: A });
    const tip = await tipAt(at('02T10:00:00'), { reporter, districtId: A, category: 'fraud' });
    await decide(supervisor, tip.id, at('02T12:00:00'), { decision: 'needs_info', note: '请补充' });
    await decide(supervisor, tip.id, at('03T10:00:00'), { decision: 'valid' });
    clock.set(at('03T11:00:00'));
    expect((await api().post(`/api/tips/${tip.id}/reverse`).set(supervisor.auth).send({ reason: '判断有误' })).status).to.equal(200);
    clock.set(NOW);
    expect((await overview(supervisor, week)).body.decisions).to.deep.equal({ decided: 1, medianHours: 2, p90Hours: 2, validRate: null });
    // Submitted again after the reversal, then sent to B: its first decision (2 hours) is B's now.
    clock.set(at('03T12:00:00'));
    const moved = await api().post(`/api/tips/${tip.id}/transfer`).set(supervisor.auth).send({ districtId: B, reason: '属于常宁市' });
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200);
    clock.set(NOW);
    expect((await overview(supervisor, week)).body.decisions).to.deep.equal({ decided: 0, medianHours: null, p90Hours: null, validRate: null });
    expect((await overview(supervisorB, week)).body.decisions).to.deep.equal({ decided: 1, medianHours: 2, p90Hours: 2, validRate: null });
    // The table equals its definition from the history (as migration 0018 and the scale seed fill it).
    const { rows } = await db().execute<{ bad: number }>(sql`
      SELECT count(*)::int AS bad FROM (
        SELECT tip_id, min(created_at) AS first FROM tip_history
        WHERE kind = 'status' AND to_status IN ('valid', 'invalid', 'duplicate', 'needs_info') GROUP BY 1) h
      FULL JOIN tip_first_decisions f USING (tip_id) LEFT JOIN ${tips} t ON t.id = coalesce(h.tip_id, f.tip_id)
      WHERE h.first IS DISTINCT FROM f.first_decided_at OR f.district_id IS DISTINCT FROM t.district_id OR f.submitted_at IS DISTINCT FROM t.created_at`);
    expect(Number(rows[0].bad)).to.equal(0);
  });
});

describe('statistics: public figures', () => {
  /** Crafted months: May and June 2023, read on 10 July 2023 (July is the current month, left out). */
  const NOW = cst('2023-07-10T12:00:00');
  type Row = { month: string; category: string; city: number | string; districts: { districtId: number; tips: number | string }[] | null };
  let seq = 0;

  /** `n` tips of a category in a district on a day, straight into the table (the summary follows by trigger). */
  const tipsOf = (n: number, o: { districtId: number; category: string; day: string }) =>
    Array.from({ length: n }, () => ({
      reference: `HY-STATS-${++seq}`,
      category: o.category,
      description: '统计测试',
      occurredAt: new Date(cst(`${o.day}T08:00:00`)),
      districtId: o.districtId,
      isAnonymous: true,
      createdAt: new Date(cst(`${o.day}T09:00:00`)),
    }));

  const get = (query: Record<string, string | number> = { months: 2 }) => api().get('/api/stats/public').query(query);
  const line = (rows: Row[], month: string, category: string) => rows.find((r) => r.month === month && r.category === category)!;
  const cells = (r: Row) => Object.fromEntries(r.districts!.map((d) => [d.districtId, d.tips]));

  before(async () => {
    clearPublicFiguresCache();
    const all = Array.from({ length: 12 }, (_, i) => i + 1);
    await db()
      .insert(tips)
      .values([
        // fraud, May: 7, 6, 2 and nine zeros.
        ...tipsOf(7, { districtId: 1, category: 'fraud', day: '2023-05-03' }),
        ...tipsOf(6, { districtId: 2, category: 'fraud', day: '2023-05-31' }),
        ...tipsOf(2, { districtId: 3, category: 'fraud', day: '2023-05-15' }),
        // traffic, May: 5 and 5.
        ...tipsOf(5, { districtId: 4, category: 'traffic', day: '2023-05-10' }),
        ...tipsOf(5, { districtId: 5, category: 'traffic', day: '2023-05-11' }),
        // public order, May: 5 in every district.
        ...all.flatMap((d) => tipsOf(5, { districtId: d, category: 'public_order', day: '2023-05-20' })),
        // safety hazards, May: 3 city-wide.
        ...tipsOf(3, { districtId: 1, category: 'safety_hazard', day: '2023-05-20' }),
        // other, May: 4 in every district (48: each cell would be pinned to 4).
        ...all.flatMap((d) => tipsOf(4, { districtId: d, category: 'other', day: '2023-05-21' })),
        // illegal fundraising, May: 1 in every district (12: harmless).
        ...all.flatMap((d) => tipsOf(1, { districtId: d, category: 'illegal_fundraising', day: '2023-05-22' })),
        // drugs, May: 9 and 1; gangs: 2 (sensitive: city-wide only).
        ...tipsOf(9, { districtId: 1, category: 'drugs', day: '2023-05-05' }),
        ...tipsOf(1, { districtId: 2, category: 'drugs', day: '2023-05-05' }),
        ...tipsOf(2, { districtId: 6, category: 'gangs', day: '2023-05-05' }),
        // fraud, June: 5 in one district.
        ...tipsOf(5, { districtId: 7, category: 'fraud', day: '2023-06-30' }),
        // Outside the window: April, and July (the current month).
        ...tipsOf(6, { districtId: 1, category: 'fraud', day: '2023-04-30' }),
        ...tipsOf(6, { districtId: 1, category: 'fraud', day: '2023-07-01' }),
      ]);
  });
  beforeEach(() => clock.set(NOW));
  after(() => clock.reset());

  it('answers signed out with the whole months before the current one, cached for five minutes', async () => {
    const res = await get();
    expect(res.status).to.equal(200);
    expect(res.headers['cache-control']).to.equal('public, max-age=300');
    expect(res.body.months).to.deep.equal(['2023-05', '2023-06']);
    expect(res.body.districts).to.have.length(12);
    expect(res.body.rows).to.have.length(2 * 11);
    expect(line(res.body.rows, '2023-06', 'fraud').city).to.equal(5);
    const dflt = await get({});
    expect(dflt.body.months).to.have.length(12);
    expect(dflt.body.months.at(-1)).to.equal('2023-06');
  });

  it('shows counts below 5 as "<5" and withholds the smallest other cell so the city total cannot reveal one', async () => {
    const { rows } = (await get()).body as { rows: Row[] };
    const fraud = line(rows, '2023-05', 'fraud');
    expect(fraud.city).to.equal(15);
    expect(cells(fraud)).to.deep.equal({ 1: 7, 2: 'withheld', 3: '<5', 4: '<5', 5: '<5', 6: '<5', 7: '<5', 8: '<5', 9: '<5', 10: '<5', 11: '<5', 12: '<5' });
    const traffic = line(rows, '2023-05', 'traffic');
    expect(traffic.city).to.equal(10);
    expect(cells(traffic)[4]).to.equal('withheld');
    expect(cells(traffic)[5]).to.equal(5);
    const june = line(rows, '2023-06', 'fraud');
    expect(cells(june)[7]).to.equal('withheld');
    expect(Object.values(cells(line(rows, '2023-05', 'public_order')))).to.deep.equal(Array(12).fill(5));
    expect(line(rows, '2023-05', 'public_order').city).to.equal(60);
  });

  it('withholds a breakdown whose small cells the total would bound, and hides small city counts', async () => {
    const { rows } = (await get()).body as { rows: Row[] };
    const other = line(rows, '2023-05', 'other');
    expect(other.city).to.equal(48);
    expect(Object.values(cells(other))).to.deep.equal(Array(12).fill('withheld'));
    const fundraising = line(rows, '2023-05', 'illegal_fundraising');
    expect(fundraising.city).to.equal(12);
    expect(Object.values(cells(fundraising))).to.deep.equal(Array(12).fill('<5'));
    const hazard = line(rows, '2023-05', 'safety_hazard');
    expect(hazard.city).to.equal('<5');
    expect(Object.values(cells(hazard))).to.deep.equal(Array(12).fill('<5'));
  });

  it('gives the sensitive categories only city-wide', async () => {
    const { rows } = (await get()).body as { rows: Row[] };
    for (const category of ['gangs', 'drugs', 'fugitive', 'cult']) for (const r of rows.filter((x) => x.category === category)) expect(r.districts).to.equal(null);
    expect(line(rows, '2023-05', 'drugs').city).to.equal(10);
    expect(line(rows, '2023-05', 'gangs').city).to.equal('<5');
  });

  it('never lets the city total minus the visible cells pin a "<5" cell above zero', async () => {
    const { rows } = (await get({ months: 24 })).body as { rows: Row[] };
    for (const r of rows.filter((x) => x.districts && typeof x.city === 'number')) {
      const values = r.districts!.map((d) => d.tips);
      const small = values.filter((v) => v === '<5').length;
      if (small === 0) continue;
      const hidden = (r.city as number) - values.filter((v): v is number => typeof v === 'number').reduce((a, b) => a + b, 0);
      const hasComplement = values.includes('withheld');
      // Without a withheld cell, every hidden cell is "<5": a cell's lowest possible value must stay 0.
      expect(hasComplement || hidden <= 4 * (small - 1), `${r.month} ${r.category}`).to.equal(true);
    }
  });

  it('publishes no text, place, person or day: only months, categories, districts and counts', async () => {
    const body = (await get()).body;
    expect(Object.keys(body).sort()).to.deep.equal(['categories', 'districts', 'generatedAt', 'months', 'rows']);
    for (const r of body.rows) expect(Object.keys(r).sort()).to.deep.equal(['category', 'city', 'districts', 'month']);
    expect(JSON.stringify(body)).not.to.include('统计测试');
    expect(JSON.stringify(body.rows)).not.to.match(/\d{4}-\d{2}-\d{2}/);
  });

  it('serves the cached figures until they expire', async () => {
    const before = line((await get()).body.rows, '2023-06', 'fraud').city;
    await db().insert(tips).values(tipsOf(3, { districtId: 7, category: 'fraud', day: '2023-06-29' }));
    expect(line((await get()).body.rows, '2023-06', 'fraud').city).to.equal(before);
    clock.set(NOW + 6 * 60_000);
    expect(line((await get()).body.rows, '2023-06', 'fraud').city).to.equal(8);
  });

  it('refuses a months value outside 1–24 with 400', async () => {
    for (const months of [0, 25, 'abc', 1.5]) {
      const res = await get({ months });
      expect(res.status, String(months)).to.equal(400);
      expect(res.body.error.details[0].field).to.equal('months');
    }
  });
});
