import { sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { districtArray, type TipFigureScope } from '../tips/figures';

/**
 * On-site checks of the scope's tips (the tip's current district):
 * - `due`: checks whose due time fell in the period (verifications_due_idx);
 * - `overdue`: of those, the ones not reported by their due time — reported late, or still open
 *   now that the due time has passed (a check due later today is not overdue yet);
 * - `overdueNow`: checks open past their due time now, whatever the period (the queue's
 *   "overdue" filter: the tips' copy of their latest check, through the partial
 *   tips_queue_verification_idx that holds only tips ever checked).
 */
export async function verificationFigures(s: TipFigureScope & { now: Date }) {
  const districts = districtArray(s.districtIds);
  const now = s.now.toISOString();
  const { rows } = await db.execute<{ due: number; overdue: number; overdue_now: number }>(sql`
    SELECT p.due, p.overdue,
           (SELECT count(*)::int FROM tips WHERE district_id = ANY(${districts})
              AND verification_status = 'open' AND verification_due_at <= ${now}) AS overdue_now
    FROM (SELECT count(*)::int AS due,
                 count(*) FILTER (WHERE v.reported_at > v.due_at OR (v.reported_at IS NULL AND v.due_at <= ${now}))::int AS overdue
          FROM verifications v JOIN tips t ON t.id = v.tip_id
          WHERE v.due_at >= ${s.start.toISOString()} AND v.due_at < ${s.end.toISOString()} AND t.district_id = ANY(${districts})) p`);
  const [row] = rows;
  return { due: Number(row.due), overdue: Number(row.overdue), overdueNow: Number(row.overdue_now) };
}
