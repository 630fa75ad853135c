import { asc, eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { communities, districts } from '../../db/schema/index';

export const listDistricts = () =>
  db
    .select({ id: districts.id, code: districts.code, nameZh: districts.nameZh, nameEn: districts.nameEn })
    .from(districts)
    .orderBy(asc(districts.id));

/**
 * The 12 districts are seeded with fixed ids and never deleted, so a district once seen is
 * remembered: every tip submission asks, and a query per submission was measurable in the
 * benchmark (docs/performance.md). An unknown id is still looked up each time.
 */
const knownDistricts = new Set<number>();

export async function districtExists(id: number): Promise<boolean> {
  if (knownDistricts.has(id)) return true;
  const [d] = await db.select({ id: districts.id }).from(districts).where(eq(districts.id, id));
  if (d) knownDistricts.add(d.id);
  return Boolean(d);
}

/**
 * The district a community lies in, or null for an unknown id. A community never changes
 * district, so a found one is remembered like the districts above (every scoped board asks).
 */
const communityDistricts = new Map<number, number>();

export async function communityDistrict(id: number): Promise<number | null> {
  const known = communityDistricts.get(id);
  if (known !== undefined) return known;
  const [c] = await db.select({ districtId: communities.districtId }).from(communities).where(eq(communities.id, id));
  if (c) communityDistricts.set(id, c.districtId);
  return c?.districtId ?? null;
}
