import { sql } from 'drizzle-orm';
import { db } from './harness';

/**
 * The points invariants, checked with plain SQL independent of the points module: every balance
 * equals the sum of its ledger rows, no balance is negative, no award key was written twice, and
 * the leaderboard histogram matches the period totals it summarises.
 * Runs after every test (test/hooks.ts), so any feature that breaks the ledger fails there.
 */
export async function assertLedgerInvariants(): Promise<void> {
  const problems: string[] = [];
  const mismatched = await db().execute<{ id: string; balance: number; total: string | null }>(sql`
    SELECT u.id, u.points_balance AS balance, l.total
    FROM users u LEFT JOIN (SELECT user_id, sum(delta) AS total FROM points_ledger GROUP BY user_id) l ON l.user_id = u.id
    WHERE u.points_balance <> coalesce(l.total, 0) OR u.points_balance < 0
    LIMIT 5`);
  for (const r of mismatched.rows) problems.push(`user ${r.id}: balance ${r.balance}, ledger sum ${r.total ?? 0}`);
  const orphans = await db().execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM points_ledger l LEFT JOIN users u ON u.id = l.user_id WHERE u.id IS NULL`);
  if (Number(orphans.rows[0].n) > 0) problems.push(`${orphans.rows[0].n} ledger rows without a user`);
  const dups = await db().execute<{ reason: string; n: number }>(sql`
    SELECT reason, count(*)::int AS n FROM (
      SELECT reason FROM points_ledger WHERE tip_id IS NOT NULL AND compensates_id IS NULL GROUP BY user_id, reason, tip_id, tip_decision HAVING count(*) > 1
      UNION ALL
      SELECT 'reversal' FROM points_ledger WHERE compensates_id IS NOT NULL GROUP BY compensates_id HAVING count(*) > 1
      UNION ALL
      SELECT reason FROM points_ledger WHERE campaign_id IS NOT NULL AND compensates_id IS NULL GROUP BY user_id, reason, campaign_id HAVING count(*) > 1
      UNION ALL
      SELECT reason FROM points_ledger WHERE redemption_id IS NOT NULL GROUP BY reason, redemption_id HAVING count(*) > 1
    ) d GROUP BY reason`);
  for (const r of dups.rows) problems.push(`${r.n} duplicate ${r.reason} awards`);
  // A reversal undoes at most what its entry moved, in the opposite direction, for the same user and tip.
  const overdone = await db().execute<{ id: number }>(sql`
    SELECT c.id FROM points_ledger c JOIN points_ledger o ON o.id = c.compensates_id
    WHERE c.reason <> 'reversal' OR o.compensates_id IS NOT NULL OR c.user_id <> o.user_id OR c.tip_id IS DISTINCT FROM o.tip_id
       OR sign(c.delta) = sign(o.delta) AND c.delta <> 0 OR abs(c.delta) > abs(o.delta)
    LIMIT 5`);
  for (const r of overdone.rows) problems.push(`reversal ${r.id} does not mirror the entry it undoes`);
  // The leaderboard histogram is exactly the GROUP BY of the period totals, city-wide (district 0)
  // and per district; emptied buckets may stay at 0 users.
  const histogram = await db().execute<{ period: string; period_start: string; district_id: number; points: number; kept: number | null; actual: number | null }>(sql`
    WITH actual AS (
      SELECT period, period_start, 0 AS district_id, points, count(*)::int AS users FROM user_period_points GROUP BY 1, 2, 4
      UNION ALL
      SELECT period, period_start, district_id, points, count(*)::int FROM user_period_points WHERE district_id IS NOT NULL GROUP BY 1, 2, 3, 4
    )
    SELECT period, to_char(period_start, 'YYYY-MM-DD') AS period_start, district_id, points, h.users AS kept, a.users AS actual
    FROM (SELECT * FROM period_points_histogram WHERE users <> 0) h FULL JOIN actual a USING (period, period_start, district_id, points)
    WHERE h.users IS DISTINCT FROM a.users
    LIMIT 5`);
  for (const r of histogram.rows)
    problems.push(`histogram ${r.period} ${r.period_start} district ${r.district_id} at ${r.points} points: ${r.kept ?? 0} users kept, ${r.actual ?? 0} in user_period_points`);
  if (problems.length) throw new Error(`Points ledger invariants broken:\n  ${problems.join('\n  ')}`);
}
