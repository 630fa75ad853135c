import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { afterCommit, db, type DbOrTx, type Tx } from '../../db/client';
import { campaigns, cases, communityPeriodPoints, periodEnum, periodPointsHistogram, pointsLedger, redemptions, rewards, tips, users } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { clock } from '../../lib/clock';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { cstDate, cstMonthStart, cstWeekStart } from '../../lib/time';
import { audit } from '../audit/audit.service';
import { boardCache, boardVersion } from '../leaderboards/board-cache';
import { once, requestHash, type Replay } from '../idempotency/idempotency.service';
import { presentLedgerEntry } from './points.presenter';
import { CAPPED_REASONS, POINT_RULES, RANKED_REASONS, STRICT_DEBIT_REASONS, type AdjustPoints, type PointsReason } from './points.rules';
import type { LedgerQuery, LedgerReport, MyPoints, PointsAdjusted } from '@hy/schemas/points';
import { z } from 'zod';

export type PointsEntry = {
  userId: string;
  reason: PointsReason;
  /** Requested change; earnings may be cut by the daily cap, penalties by the balance. */
  delta: number;
  tipId?: string;
  /** The tip's decision (tips.decisionSeq) an award belongs to: deciding again awards again. */
  tipDecision?: number;
  caseId?: string;
  /** A campaign attended (reason `campaign`): awarded once per (volunteer, campaign). */
  campaignId?: string;
  redemptionId?: string;
  actorId?: string;
  note?: string;
  /** A reversal: the entry it undoes; it counts toward that entry's day and periods. */
  compensates?: { id: number; earnedOn: string; createdAt: Date };
};

export type PointsOutcome = { applied: boolean; delta: number; ledgerId: number | null };

export const ALL_TIME = '1970-01-01';

type Period = (typeof periodEnum.enumValues)[number];
/** The enum's order, which is also how PostgreSQL sorts the period column of the keys. */
const PERIOD_ORDER: readonly Period[] = periodEnum.enumValues;

/** The period rows an instant counts toward (Asia/Shanghai weeks and months). */
export function periodsOf(at: Date) {
  return [
    { period: 'week' as const, periodStart: cstWeekStart(at) },
    { period: 'month' as const, periodStart: cstMonthStart(at) },
    { period: 'all' as const, periodStart: ALL_TIME },
  ];
}

/**
 * Capped earnings of the user on a day (Asia/Shanghai): capped awards, less the reversals of
 * capped awards of that day (a reversed award frees its room, so deciding again can pay again).
 */
export async function earnedOnDay(tx: DbOrTx, userId: string, day: string): Promise<number> {
  const capped = sql.join(
    CAPPED_REASONS.map((r) => sql`${r}`),
    sql`, `,
  );
  const { rows } = await tx.execute<{ earned: number }>(sql`
    SELECT coalesce(sum(l.delta), 0)::int AS earned
    FROM points_ledger l LEFT JOIN points_ledger o ON o.id = l.compensates_id
    WHERE l.user_id = ${userId} AND l.earned_on = ${day} AND (l.reason IN (${capped}) OR o.reason IN (${capped}))`);
  return Number(rows[0].earned);
}

/**
 * The only way points change. Runs inside the caller's transaction (the triage decision, the
 * redemption, …): locks the user's row so balance, cap and ledger move together, writes one
 * ledger row — a second row for the same (user, reason, tip), (user, reason, campaign) or (reason, redemption) is refused
 * by a unique index and reported as not applied — and keeps the balance and the leaderboard
 * period totals in step. Earnings are cut to the daily cap; a penalty never takes the balance
 * below zero; a redemption or deduction the balance cannot cover throws CONFLICT (the caller's
 * transaction then rolls back whole). When awarding several users in one transaction, call in
 * userId order so two such transactions cannot deadlock on the user rows.
 */
export async function applyPoints(tx: Tx, e: PointsEntry): Promise<PointsOutcome> {
  if (!Number.isSafeInteger(e.delta)) throw new TypeError('applyPoints: delta must be an integer');
  const now = clock.now();
  const today = e.compensates?.earnedOn ?? cstDate(now);
  const [user] = await tx
    .select({ id: users.id, balance: users.pointsBalance, communityId: users.communityId, districtId: users.districtId })
    .from(users)
    .where(eq(users.id, e.userId))
    .for('update');
  if (!user) return { applied: false, delta: 0, ledgerId: null };

  let delta = e.delta;
  let note = e.note ?? null;
  if (delta > 0 && CAPPED_REASONS.includes(e.reason)) {
    const room = Math.max(0, POINT_RULES.dailyCap - (await earnedOnDay(tx, e.userId, today)));
    if (delta > room) {
      note = note ?? `daily cap reached: ${delta - room} of ${delta} not awarded`;
      delta = room;
    }
  }
  if (delta < 0 && user.balance + delta < 0) {
    if (STRICT_DEBIT_REASONS.includes(e.reason))
      throw new AppError('NOT_ENOUGH_POINTS', `Not enough points: ${-delta} needed, ${user.balance} available`, {
        reason: 'insufficient_points',
        balance: user.balance,
        needed: -delta,
      });
    const limited = `limited to the balance of ${user.balance}`;
    note = note ? `${note} (${limited})` : limited;
    delta = -user.balance;
  }

  const [row] = await tx
    .insert(pointsLedger)
    .values({
      userId: e.userId,
      delta,
      reason: e.reason,
      tipId: e.tipId ?? null,
      tipDecision: e.tipDecision ?? 0,
      compensatesId: e.compensates?.id ?? null,
      caseId: e.caseId ?? null,
      campaignId: e.campaignId ?? null,
      redemptionId: e.redemptionId ?? null,
      actorId: e.actorId ?? null,
      note,
      earnedOn: today,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: pointsLedger.id });
  if (!row) return { applied: false, delta: 0, ledgerId: null };

  if (delta !== 0) {
    await tx
      .update(users)
      .set({ pointsBalance: sql`${users.pointsBalance} + ${delta}` })
      .where(eq(users.id, e.userId));
  }
  if (delta !== 0 && RANKED_REASONS.includes(e.reason)) await addToPeriods(tx, user, delta, e.compensates?.createdAt ?? now);
  return { applied: true, delta, ledgerId: row.id };
}

/**
 * Incrementally maintained leaderboard totals: one upsert per period for the user and for their
 * community, so leaderboards never scan the ledger. A user who moved community is ranked in the
 * new one from now on; points already earned stay with the community they were earned in.
 */
async function addToPeriods(
  tx: Tx,
  user: { id: string; communityId: number | null; districtId: number | null },
  delta: number,
  at: Date,
): Promise<void> {
  const periods = periodsOf(at);
  const keys = sql.join(
    periods.map((p) => sql`(${p.period}::period, ${p.periodStart}::date)`),
    sql`, `,
  );
  const rows = sql.join(
    periods.map((p) => sql`(${p.period}::period, ${p.periodStart}::date, ${user.id}::uuid, ${user.communityId}::int, ${user.districtId}::smallint, ${delta}::int)`),
    sql`, `,
  );
  // The upsert also moves the user's rows to their current district, so the histogram needs the
  // district each row had before: `before` reads the same snapshot the upsert starts from, and
  // nobody else writes these rows meanwhile (applyPoints holds the user's row lock).
  const { rows: moved } = await tx.execute<{ period: Period; period_start: string; points: number; inserted: boolean; old_district_id: number | null }>(sql`
    WITH before AS (
      SELECT period, period_start, district_id FROM user_period_points
      WHERE user_id = ${user.id} AND (period, period_start) IN (${keys})
    ), up AS (
      INSERT INTO user_period_points (period, period_start, user_id, community_id, district_id, points) VALUES ${rows}
      ON CONFLICT (period, period_start, user_id) DO UPDATE
        SET points = user_period_points.points + excluded.points, community_id = excluded.community_id, district_id = excluded.district_id
      RETURNING period, period_start, points, (xmax = 0) AS inserted
    )
    SELECT up.period, to_char(up.period_start, 'YYYY-MM-DD') AS period_start, up.points, up.inserted, before.district_id AS old_district_id
    FROM up LEFT JOIN before USING (period, period_start)`);
  await moveInHistogram(
    tx,
    moved.flatMap((r) => {
      const key = { period: r.period, periodStart: r.period_start };
      const now = Number(r.points);
      const old = now - delta;
      return [
        { ...key, districtId: CITY_WIDE, points: now, users: 1 },
        ...(user.districtId === null ? [] : [{ ...key, districtId: user.districtId, points: now, users: 1 }]),
        ...(r.inserted ? [] : [{ ...key, districtId: CITY_WIDE, points: old, users: -1 }]),
        ...(r.inserted || r.old_district_id === null ? [] : [{ ...key, districtId: Number(r.old_district_id), points: old, users: -1 }]),
      ];
    }),
  );
  dropCachedBoards(tx, {
    periods,
    districtIds: [user.districtId, ...moved.map((r) => (r.old_district_id === null ? null : Number(r.old_district_id)))],
  });
  const { communityId, districtId } = user;
  if (communityId === null || districtId === null) return;
  await tx
    .insert(communityPeriodPoints)
    .values(periods.map((p) => ({ ...p, communityId, districtId, points: delta })))
    .onConflictDoUpdate({
      target: [communityPeriodPoints.period, communityPeriodPoints.periodStart, communityPeriodPoints.communityId],
      set: { points: sql`${communityPeriodPoints.points} + ${delta}` },
    });
}

/**
 * The cached top N of every board these totals belong to — city-wide and the districts the user
 * was and is in (their communities' boards fall under the district), volunteers and communities —
 * is dropped once the transaction commits: the next request reads the new totals. Dropped any
 * earlier, a board read between now and the commit would be cached again with the old rows.
 */
function dropCachedBoards(tx: Tx, changed: { periods: { period: string; periodStart: string }[]; districtIds: (number | null)[] }): void {
  const places = [null, ...new Set(changed.districtIds.filter((d): d is number => d !== null))];
  const versions = changed.periods.flatMap((p) =>
    places.flatMap((d) => [boardVersion('volunteers', p.period, p.periodStart, d), boardVersion('communities', p.period, p.periodStart, d)]),
  );
  afterCommit(tx, () => boardCache.invalidate(versions));
}

/** period_points_histogram.district_id of the city-wide scope. */
export const CITY_WIDE = 0;

type BucketChange = { period: Period; periodStart: string; districtId: number; points: number; users: number };

/**
 * Applies ±1 per bucket in one upsert. The city-wide buckets are shared by every award, so the
 * rows are taken in key order: two awards crossing each other's buckets (10 → 20 and 20 → 10)
 * then wait for one another instead of deadlocking.
 */
async function moveInHistogram(tx: Tx, changes: BucketChange[]): Promise<void> {
  const net = new Map<string, BucketChange>();
  for (const c of changes) {
    const key = `${c.period}|${c.periodStart}|${c.districtId}|${c.points}`;
    const seen = net.get(key);
    if (seen) seen.users += c.users;
    else net.set(key, { ...c });
  }
  const rows = [...net.values()]
    .filter((c) => c.users !== 0)
    .sort(
      (x, y) =>
        PERIOD_ORDER.indexOf(x.period) - PERIOD_ORDER.indexOf(y.period) ||
        x.periodStart.localeCompare(y.periodStart) ||
        x.districtId - y.districtId ||
        x.points - y.points,
    );
  if (rows.length === 0) return;
  await tx
    .insert(periodPointsHistogram)
    .values(rows)
    .onConflictDoUpdate({
      target: [periodPointsHistogram.period, periodPointsHistogram.periodStart, periodPointsHistogram.districtId, periodPointsHistogram.points],
      set: { users: sql`${periodPointsHistogram.users} + excluded.users` },
    });
}

const LedgerCursor = z.object({ id: z.number().int().positive() });

/** The volunteer's balance and ledger, newest first, each entry with what it was for. */
export async function getMyPoints(actor: Actor, q: LedgerQuery): Promise<MyPoints> {
  const cursor = decodeCursor(LedgerCursor, q.cursor);
  const [user] = await db.select({ balance: users.pointsBalance }).from(users).where(eq(users.id, actor.id));
  if (!user) throw notFound('User');
  const rows = await db
    .select({
      entry: pointsLedger,
      tip: { id: tips.id, reference: tips.reference },
      case: { id: cases.id, reference: cases.reference },
      campaign: { id: campaigns.id, title: campaigns.title },
      reward: { id: rewards.id, nameZh: rewards.nameZh, nameEn: rewards.nameEn },
      redemptionStatus: redemptions.status,
    })
    .from(pointsLedger)
    .leftJoin(tips, eq(tips.id, pointsLedger.tipId))
    .leftJoin(cases, eq(cases.id, pointsLedger.caseId))
    .leftJoin(campaigns, eq(campaigns.id, pointsLedger.campaignId))
    .leftJoin(redemptions, eq(redemptions.id, pointsLedger.redemptionId))
    .leftJoin(rewards, eq(rewards.id, redemptions.rewardId))
    .where(and(eq(pointsLedger.userId, actor.id), cursor ? lt(pointsLedger.id, cursor.id) : undefined))
    .orderBy(desc(pointsLedger.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    balance: user.balance,
    earnedToday: await earnedOnDay(db, actor.id, cstDate(clock.now())),
    dailyCap: POINT_RULES.dailyCap,
    entries: page.map(presentLedgerEntry),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ id: last.entry.id }) : null,
  };
}

/**
 * An admin's correction, with a mandatory reason kept in the ledger note and the audit log.
 * Bounded by the schema (|delta| ≤ maxAdjustment); a deduction the balance cannot cover is 409.
 * With an Idempotency-Key a double-submitted form adjusts once.
 */
export async function adjustPoints(opts: { actor: Actor; input: AdjustPoints; idempotencyKey: string | undefined }): Promise<Replay> {
  const { actor, input } = opts;
  return once({ scope: { userId: actor.id }, key: opts.idempotencyKey, hash: requestHash({ adjust: input }) }, async (tx) => {
    const [target] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, input.userId));
    if (!target || target.role !== 'volunteer') throw notFound('Volunteer');
    const outcome = await applyPoints(tx, {
      userId: input.userId,
      reason: 'adjustment',
      delta: input.delta,
      actorId: actor.id,
      note: input.reason,
    });
    await audit(tx, {
      actor,
      action: 'points.adjust',
      entityType: 'user',
      entityId: input.userId,
      details: { delta: outcome.delta, reason: input.reason, ledgerId: outcome.ledgerId },
    });
    const [after] = await tx.select({ balance: users.pointsBalance }).from(users).where(eq(users.id, input.userId));
    const body: PointsAdjusted = { adjustment: { ledgerId: outcome.ledgerId, userId: input.userId, delta: outcome.delta, reason: input.reason }, balance: after.balance };
    return { status: 201, body };
  });
}

/**
 * Ledger ↔ balance ↔ leaderboard agreement. A full scan: an operations check (admin endpoint),
 * not something a request path runs.
 */
export async function checkLedger(tx: DbOrTx = db): Promise<LedgerReport> {
  const ranked = sql.join(
    RANKED_REASONS.map((r) => sql`${r}`),
    sql`, `,
  );
  const [mismatches, [negatives], [dups], periodRows, [{ n }]] = await Promise.all([
    tx.execute<{ user_id: string; balance: number; ledger_sum: number }>(sql`
      SELECT u.id AS user_id, u.points_balance AS balance, coalesce(l.total, 0)::int AS ledger_sum
      FROM users u LEFT JOIN (SELECT user_id, sum(delta) AS total FROM points_ledger GROUP BY user_id) l ON l.user_id = u.id
      WHERE u.points_balance <> coalesce(l.total, 0)
      LIMIT 100`),
    tx.select({ n: sql<number>`count(*)::int` }).from(users).where(sql`${users.pointsBalance} < 0`),
    tx.execute<{ n: number }>(sql`
      SELECT ((SELECT count(*) FROM (SELECT 1 FROM points_ledger WHERE tip_id IS NOT NULL AND compensates_id IS NULL GROUP BY user_id, reason, tip_id, tip_decision HAVING count(*) > 1) a)
            + (SELECT count(*) FROM (SELECT 1 FROM points_ledger WHERE compensates_id IS NOT NULL GROUP BY compensates_id HAVING count(*) > 1) c)
            + (SELECT count(*) FROM (SELECT 1 FROM points_ledger WHERE campaign_id IS NOT NULL AND compensates_id IS NULL GROUP BY user_id, reason, campaign_id HAVING count(*) > 1) g)
            + (SELECT count(*) FROM (SELECT 1 FROM points_ledger WHERE redemption_id IS NOT NULL GROUP BY reason, redemption_id HAVING count(*) > 1) b))::int AS n`).then((r) => r.rows),
    tx.execute<{ user_id: string; period_points: number; ledger_ranked: number }>(sql`
      SELECT coalesce(p.user_id, l.user_id) AS user_id, coalesce(p.points, 0)::int AS period_points, coalesce(l.total, 0)::int AS ledger_ranked
      FROM (SELECT user_id, points FROM user_period_points WHERE period = 'all') p
      FULL JOIN (SELECT user_id, sum(delta) AS total FROM points_ledger WHERE reason IN (${ranked}) GROUP BY user_id) l ON l.user_id = p.user_id
      WHERE coalesce(p.points, 0) <> coalesce(l.total, 0)
      LIMIT 100`),
    tx.select({ n: sql<number>`count(*)::int` }).from(users),
  ]);
  const balanceMismatches = mismatches.rows.map((r) => ({ userId: r.user_id, balance: Number(r.balance), ledgerSum: Number(r.ledger_sum) }));
  const periodMismatches = periodRows.rows.map((r) => ({
    userId: r.user_id,
    periodPoints: Number(r.period_points),
    ledgerRanked: Number(r.ledger_ranked),
  }));
  const duplicateAwards = Number(dups.n);
  const negativeBalances = negatives.n;
  return {
    isConsistent: !balanceMismatches.length && !periodMismatches.length && !duplicateAwards && !negativeBalances,
    usersChecked: n,
    balanceMismatches,
    negativeBalances,
    duplicateAwards,
    periodMismatches,
  };
}
