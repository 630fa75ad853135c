import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { pointsLedger } from '../../db/schema/index';
import { cstDate } from '../../lib/time';
import { applyPoints } from './points.service';
import type { PointsReason } from './points.rules';

/** What a police decision on a tip can have paid or taken (redemptions and adjustments are not undone). */
const DECISION_REASONS: PointsReason[] = ['tip_validated', 'tip_priority_bonus', 'case_solved_bonus', 'false_report_penalty'];

export type Compensation = { compensatesId: number; reason: PointsReason; original: number; delta: number; applied: boolean };

/**
 * Undoes every award or penalty a reversed decision left on the tip, each by one `reversal`
 * entry (exactly once: a unique index on compensates_id refuses a second one however reversals
 * race). A refund of a penalty is paid in full; taking back an award never takes the balance below
 * zero — points the volunteer already spent on rewards stay spent and the shortfall is written
 * off (noted on the entry). Each reversal counts toward the day and leaderboard periods of the
 * entry it undoes, so the daily cap and past weeks' standings read as if the award never was.
 */
export async function compensateTip(tx: Tx, o: { tipId: string; actorId: string }): Promise<Compensation[]> {
  const undone = sql`(SELECT 1 FROM ${pointsLedger} c WHERE c.compensates_id = ${pointsLedger.id})`;
  const entries = await tx
    .select()
    .from(pointsLedger)
    .where(
      and(
        eq(pointsLedger.tipId, o.tipId),
        inArray(pointsLedger.reason, DECISION_REASONS),
        isNull(pointsLedger.compensatesId),
        ne(pointsLedger.delta, 0),
        sql`NOT EXISTS ${undone}`,
      ),
    )
    // One reporter per tip; user order anyway, as applyPoints asks of multi-user callers.
    .orderBy(asc(pointsLedger.userId), asc(pointsLedger.id));
  const done: Compensation[] = [];
  for (const e of entries) {
    const outcome = await applyPoints(tx, {
      userId: e.userId,
      reason: 'reversal',
      delta: -e.delta,
      tipId: o.tipId,
      tipDecision: e.tipDecision,
      caseId: e.caseId ?? undefined,
      actorId: o.actorId,
      compensates: { id: e.id, earnedOn: e.earnedOn ?? cstDate(e.createdAt), createdAt: e.createdAt },
    });
    done.push({ compensatesId: e.id, reason: e.reason, original: e.delta, delta: outcome.delta, applied: outcome.applied });
  }
  return done;
}
