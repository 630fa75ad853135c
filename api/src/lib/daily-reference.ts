import { sql } from 'drizzle-orm';
import { db } from '../db/client';
import { cstDate } from './time';

// Tips number from a sequence per day instead (modules/tips/reference.ts); cases are few.
type Counter = 'case_reference_counters';

/**
 * Next human reference PREFIX-YYYYMMDD-NNNN for today (Asia/Shanghai) from a per-day counter table.
 * Taken in its own statement, outside the caller's transaction, so the counter row is locked only
 * for an instant; a rolled-back insert leaves a gap in the numbers, never a duplicate.
 */
export async function nextDailyReference(counter: Counter, prefix: string, now = new Date()): Promise<string> {
  const day = cstDate(now);
  const table = sql.identifier(counter);
  const result = await db.execute<{ last: number }>(sql`
    INSERT INTO ${table} (day, last) VALUES (${day}, 1)
    ON CONFLICT (day) DO UPDATE SET last = ${table}.last + 1
    RETURNING last`);
  const n = Number(result.rows[0].last);
  return `${prefix}-${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
}
