import { sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { refreshTokens } from '../../db/schema/index';

/** A revoked chain is kept this long (to read in an investigation), then deleted. */
const REVOKED_KEPT_MS = 24 * 3600_000;
const BATCH = 1000;

/**
 * Deletes refresh-token chains that can never be used again (housekeeping): every token of the
 * chain past its expiry, or the whole chain revoked more than a day ago. A chain goes as a whole:
 * a live chain keeps its spent tokens, so presenting one still revokes the chain (reuse detection).
 */
export async function purgeDeadSessions(now: Date): Promise<number> {
  const revokedBefore = new Date(now.getTime() - REVOKED_KEPT_MS);
  let total = 0;
  for (;;) {
    const dead = await db.execute<{ family_id: string }>(sql`
      SELECT ${refreshTokens.familyId} AS family_id FROM ${refreshTokens}
      GROUP BY ${refreshTokens.familyId}
      HAVING max(${refreshTokens.expiresAt}) < ${now}
          OR (bool_and(${refreshTokens.revokedAt} IS NOT NULL) AND max(${refreshTokens.revokedAt}) < ${revokedBefore})
      LIMIT ${BATCH}`);
    const families = dead.rows.map((r) => r.family_id);
    if (families.length === 0) return total;
    const deleted = await db.execute(
      sql`DELETE FROM ${refreshTokens} WHERE ${refreshTokens.familyId} IN (${sql.join(families.map((f) => sql`${f}::uuid`), sql`, `)})`,
    );
    total += deleted.rowCount ?? 0;
    if (families.length < BATCH) return total;
  }
}
