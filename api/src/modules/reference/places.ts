import { asc, eq, inArray } from 'drizzle-orm';
import { db, type DbOrTx } from '../../db/client';
import { communities, districts, policeUnits } from '../../db/schema/index';

export type PlaceName = { id: number; nameZh: string; nameEn: string };

/** A community and the district it lies in, or null. */
export async function findCommunity(tx: DbOrTx, id: number): Promise<{ id: number; districtId: number } | null> {
  const [c] = await tx.select({ id: communities.id, districtId: communities.districtId }).from(communities).where(eq(communities.id, id));
  return c ?? null;
}

/** The district's first police unit (派出所): where a new officer or supervisor of the district belongs. */
export async function defaultUnitOf(tx: DbOrTx, districtId: number): Promise<number | null> {
  const [u] = await tx
    .select({ id: policeUnits.id })
    .from(policeUnits)
    .where(eq(policeUnits.districtId, districtId))
    .orderBy(asc(policeUnits.id))
    .limit(1);
  return u?.id ?? null;
}

/** Names of the given districts and communities, for presenting lists of people by place. */
export async function placeNames(ids: { districtIds: number[]; communityIds: number[] }): Promise<{
  districts: Map<number, PlaceName>;
  communities: Map<number, PlaceName>;
}> {
  const [ds, cs] = await Promise.all([
    ids.districtIds.length
      ? db.select({ id: districts.id, nameZh: districts.nameZh, nameEn: districts.nameEn }).from(districts).where(inArray(districts.id, ids.districtIds))
      : [],
    ids.communityIds.length
      ? db
          .select({ id: communities.id, nameZh: communities.nameZh, nameEn: communities.nameEn })
          .from(communities)
          .where(inArray(communities.id, ids.communityIds))
      : [],
  ]);
  return { districts: new Map(ds.map((d) => [d.id, d])), communities: new Map(cs.map((c) => [c.id, c])) };
}

/** Whether the district exists, read in the caller's transaction. */
export async function districtExistsIn(tx: DbOrTx, id: number): Promise<boolean> {
  const [d] = await tx.select({ id: districts.id }).from(districts).where(eq(districts.id, id));
  return Boolean(d);
}
