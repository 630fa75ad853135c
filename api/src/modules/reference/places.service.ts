import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { db, type DbOrTx } from '../../db/client';
import { communities, townships } from '../../db/schema/index';
import { notFound } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { escapeLike } from '../../lib/like';
import type { CommunitiesQuery, DistrictCommunitiesQuery } from '@hy/schemas/reference';
import { districtExists } from './reference.service';

const communityColumns = {
  id: communities.id,
  code: communities.code,
  districtId: communities.districtId,
  townshipId: communities.townshipId,
  nameZh: communities.nameZh,
  nameEn: communities.nameEn,
};

async function requireDistrict(districtId: number): Promise<void> {
  if (!(await districtExists(districtId))) throw notFound('District');
}

export async function listTownships(districtId: number) {
  await requireDistrict(districtId);
  return db
    .select({ id: townships.id, code: townships.code, districtId: townships.districtId, nameZh: townships.nameZh, nameEn: townships.nameEn })
    .from(townships)
    .where(eq(townships.districtId, districtId))
    .orderBy(asc(townships.code));
}

/** Every community of a district (a few hundred at most), optionally of one township. */
export async function listDistrictCommunities(districtId: number, q: DistrictCommunitiesQuery) {
  await requireDistrict(districtId);
  return db
    .select(communityColumns)
    .from(communities)
    .where(and(eq(communities.districtId, districtId), q.townshipId !== undefined ? eq(communities.townshipId, q.townshipId) : undefined))
    .orderBy(asc(communities.code));
}

/** 岳屏, "Yue Ping", "yueping", "ypsq": lowercase, without spaces or apostrophes, ü as v (as stored). */
export const normalizeSearch = (q: string) => q.toLowerCase().replace(/[\s'’·]/g, '').replace(/ü/g, 'v');

/**
 * A search over the Chinese name, full pinyin and initials (one trigram-indexed expression,
 * migration 0008), and its rank: 0 when one of them starts with the text, else 1.
 */
export function communitySearch(text: string): { match: SQL; rank: SQL<number> } {
  const key = escapeLike(normalizeSearch(text));
  return {
    match: sql`(${communities.nameZh} || ' ' || ${communities.pinyin} || ' ' || ${communities.initials}) LIKE ${`%${key}%`}`,
    rank: sql<number>`(CASE WHEN ${communities.nameZh} LIKE ${`${key}%`} OR ${communities.pinyin} LIKE ${`${key}%`} OR ${communities.initials} LIKE ${`${key}%`} THEN 0 ELSE 1 END)`,
  };
}

const SearchCursor = z.object({ r: z.number().int().min(0).max(1), code: z.string().regex(/^\d{12}$/) });

/** Communities by district, township and search text: best matches first, then by code; keyset-paged. */
export async function searchCommunities(q: CommunitiesQuery) {
  const after = decodeCursor(SearchCursor, q.cursor);
  const text = q.q ? normalizeSearch(q.q) : '';
  const search = text ? communitySearch(text) : undefined;
  // A cast, not a bare 0: ORDER BY 0 would name a select-list position.
  const rank = search?.rank ?? sql<number>`0::int`;
  const rows = await db
    .select({ ...communityColumns, rank })
    .from(communities)
    .where(
      and(
        sql`${communities.code} IS NOT NULL`,
        q.districtId !== undefined ? eq(communities.districtId, q.districtId) : undefined,
        q.townshipId !== undefined ? eq(communities.townshipId, q.townshipId) : undefined,
        search?.match,
        after ? sql`(${rank}, ${communities.code}) > (${after.r}::int, ${after.code}::text)` : undefined,
      ),
    )
    .orderBy(rank, asc(communities.code))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    communities: page,
    nextCursor: rows.length > q.limit && last ? encodeCursor({ r: Number(last.rank), code: last.code }) : null,
  };
}

/** Communities by id, with their district (for checks and names elsewhere); `tx` inside a transaction. */
export async function findCommunities(ids: number[], tx: DbOrTx = db) {
  if (!ids.length) return new Map<number, { id: number; districtId: number; nameZh: string; nameEn: string }>();
  const rows = await tx
    .select({ id: communities.id, districtId: communities.districtId, nameZh: communities.nameZh, nameEn: communities.nameEn })
    .from(communities)
    .where(inArray(communities.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
