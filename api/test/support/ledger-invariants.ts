import { sql } from 'drizzle-orm';
import { db } from './harness';

/**
 * The points invariants, checked with plain SQL independent of the points module: every balance
 * equals the sum of its ledger rows, no balance is negative, no award key was written twice.
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
      SELECT reason FROM points_ledger WHERE tip_id IS NOT NULL GROUP BY user_id, reason, tip_id HAVING count(*) > 1
      UNION ALL
      SELECT reason FROM points_ledger WHERE redemption_id IS NOT NULL GROUP BY reason, redemption_id HAVING count(*) > 1
    ) d GROUP BY reason`);
  for (const r of dups.rows) problems.push(`${r.n} duplicate ${r.reason} awards`);
  if (problems.length) throw new Error(`Points ledger invariants broken:\n  ${problems.join('\n  ')}`);
}
