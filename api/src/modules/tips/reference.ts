import { sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { cstDate } from '../../lib/time';

/**
 * Next human reference HY-YYYYMMDD-NNNN for today (Asia/Shanghai). Taken in its own statement,
 * outside the tip's transaction, so the counter row is locked only for an instant; a rolled-back
 * submission leaves a gap in the numbers, never a duplicate.
 */
export async function nextTipReference(now = new Date()): Promise<string> {
  const day = cstDate(now);
  const result = await db.execute<{ last: number }>(sql`
    INSERT INTO tip_reference_counters (day, last) VALUES (${day}, 1)
    ON CONFLICT (day) DO UPDATE SET last = tip_reference_counters.last + 1
    RETURNING last`);
  const n = Number(result.rows[0].last);
  return `HY-${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
}
