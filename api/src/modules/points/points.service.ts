import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { communityPeriodPoints, pointsLedger, userPeriodPoints, users } from '../../db/schema/index';
import { cstDate, cstMonthStart, cstWeekStart } from '../../lib/time';
import { CAPPED_REASONS, POINT_RULES, RANKED_REASONS, type PointsReason } from './points.rules';

export type PointsEntry = {
  userId: string;
  reason: PointsReason;
  /** Requested change; earnings may be cut by the daily cap, penalties by the balance. */
  delta: number;
  tipId?: string;
  caseId?: string;
  redemptionId?: string;
  actorId?: string;
  note?: string;
};

export type PointsOutcome = { applied: boolean; delta: number; ledgerId: number | null };

const ALL_TIME = '1970-01-01';

/**
 * The only way points change. Runs inside the caller's transaction (the triage decision, the
 * redemption, …): locks the user's row so balance, cap and ledger move together, writes one
 * ledger row — a second row for the same (user, reason, tip) or (reason, redemption) is refused
 * by a unique index and reported as not applied — and keeps the balance and the leaderboard
 * period totals in step. Earnings are cut to the daily cap; a penalty never takes the balance
 * below zero.
 */
export async function applyPoints(tx: Tx, e: PointsEntry): Promise<PointsOutcome> {
  const now = new Date();
  const today = cstDate(now);
  const [user] = await tx
    .select({ id: users.id, balance: users.pointsBalance, communityId: users.communityId, districtId: users.districtId })
    .from(users)
    .where(eq(users.id, e.userId))
    .for('update');
  if (!user) return { applied: false, delta: 0, ledgerId: null };

  let delta = e.delta;
  let note = e.note ?? null;
  if (delta > 0 && CAPPED_REASONS.includes(e.reason)) {
    const [{ earned }] = await tx
      .select({ earned: sql<number>`coalesce(sum(${pointsLedger.delta}), 0)::int` })
      .from(pointsLedger)
      .where(
        and(eq(pointsLedger.userId, e.userId), eq(pointsLedger.earnedOn, today), inArray(pointsLedger.reason, CAPPED_REASONS)),
      );
    const room = Math.max(0, POINT_RULES.dailyCap - earned);
    if (delta > room) {
      note = note ?? `daily cap reached: ${delta - room} of ${delta} not awarded`;
      delta = room;
    }
  }
  if (delta < 0 && user.balance + delta < 0) {
    note = note ?? `limited to the balance of ${user.balance}`;
    delta = -user.balance;
  }

  const [row] = await tx
    .insert(pointsLedger)
    .values({
      userId: e.userId,
      delta,
      reason: e.reason,
      tipId: e.tipId ?? null,
      caseId: e.caseId ?? null,
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
  if (delta !== 0 && RANKED_REASONS.includes(e.reason)) {
    const periods = [
      { period: 'week' as const, periodStart: cstWeekStart(now) },
      { period: 'month' as const, periodStart: cstMonthStart(now) },
      { period: 'all' as const, periodStart: ALL_TIME },
    ];
    await tx
      .insert(userPeriodPoints)
      .values(periods.map((p) => ({ ...p, userId: e.userId, communityId: user.communityId, districtId: user.districtId, points: delta })))
      .onConflictDoUpdate({
        target: [userPeriodPoints.period, userPeriodPoints.periodStart, userPeriodPoints.userId],
        set: { points: sql`${userPeriodPoints.points} + ${delta}` },
      });
    if (user.communityId !== null && user.districtId !== null) {
      await tx
        .insert(communityPeriodPoints)
        .values(periods.map((p) => ({ ...p, communityId: user.communityId!, districtId: user.districtId!, points: delta })))
        .onConflictDoUpdate({
          target: [communityPeriodPoints.period, communityPeriodPoints.periodStart, communityPeriodPoints.communityId],
          set: { points: sql`${communityPeriodPoints.points} + ${delta}` },
        });
    }
  }
  return { applied: true, delta, ledgerId: row.id };
}
