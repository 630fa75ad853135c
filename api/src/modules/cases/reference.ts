import { sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { cstDate } from '../../lib/time';

/**
 * Next human reference CASE-YYYYMMDD-NNNN for today (Asia/Shanghai), in its own statement so the
 * counter row is locked only for an instant; a rolled-back case leaves a gap, never a duplicate.
 */
export async function nextCaseReference(now = new Date()): Promise<string> {
  const day = cstDate(now);
  const result = await db.execute<{ last: number }>(sql`
    INSERT INTO case_reference_counters (day, last) VALUES (${day}, 1)
    ON CONFLICT (day) DO UPDATE SET last = case_reference_counters.last + 1
    RETURNING last`);
  const n = Number(result.rows[0].last);
  return `CASE-${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
}
