import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema/index';

/** The community's active auxiliary police officer (一村一辅警: at most one), or null. */
export async function findAuxiliaryOf(tx: DbOrTx, communityId: number): Promise<{ id: string; displayName: string } | null> {
  const [aux] = await tx
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.role, 'auxiliary'), eq(users.communityId, communityId), isNull(users.disabledAt)))
    .limit(1);
  return aux ?? null;
}
