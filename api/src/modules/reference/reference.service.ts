import { asc, eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { communities, districts } from '../../db/schema/index';
import { notFound } from '../../http/errors';

export const listDistricts = () =>
  db
    .select({ id: districts.id, code: districts.code, nameZh: districts.nameZh, nameEn: districts.nameEn })
    .from(districts)
    .orderBy(asc(districts.id));

export async function listCommunities(districtId: number) {
  const [district] = await db.select({ id: districts.id }).from(districts).where(eq(districts.id, districtId));
  if (!district) throw notFound('District');
  return db
    .select({ id: communities.id, districtId: communities.districtId, nameZh: communities.nameZh, nameEn: communities.nameEn })
    .from(communities)
    .where(eq(communities.districtId, districtId))
    .orderBy(asc(communities.id));
}

export async function districtExists(id: number): Promise<boolean> {
  const [d] = await db.select({ id: districts.id }).from(districts).where(eq(districts.id, id));
  return Boolean(d);
}
