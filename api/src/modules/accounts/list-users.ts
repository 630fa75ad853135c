import { and, desc, eq, ilike, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { db } from '../../db/client';
import { users } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { forbidden } from '../../http/errors';
import { decodeCursor, encodeCursor, TimeIdCursor } from '../../lib/cursor';
import { escapeLike } from '../../lib/like';
import { placeNames } from '../reference/places';
import { canActInDistrict, usersVisibleTo } from './accounts.policy';
import { presentManagedUser } from './accounts.presenter';
import type { UserListQuery } from '@hy/schemas/accounts';

type UserRow = typeof users.$inferSelect;

/** Presents rows with their district and community names (two small lookups per page). */
export async function presentUsers(rows: UserRow[]) {
  const places = await placeNames({
    districtIds: [...new Set(rows.flatMap((r) => (r.districtId === null ? [] : [r.districtId])))],
    communityIds: [...new Set(rows.flatMap((r) => (r.communityId === null ? [] : [r.communityId])))],
  });
  return rows.map((r) => presentManagedUser(r, places));
}

/** A whole mainland mobile number (as typed, with spaces or +86) finds that account; other text searches names. */
function matching(q: string): SQL {
  const phone = q.replace(/[\s-]/g, '').replace(/^\+?86/, '');
  if (/^1[3-9]\d{9}$/.test(phone)) return eq(users.phone, phone);
  return ilike(users.displayName, `%${escapeLike(q)}%`);
}

/** Newest accounts first, keyset-paged on (created_at, id), inside what the actor may see. */
export async function listUsers(actor: Actor, query: UserListQuery) {
  if (query.districtId !== undefined && !canActInDistrict(actor, query.districtId))
    throw forbidden('You manage accounts of your own district only');
  const after = decodeCursor(TimeIdCursor, query.cursor);
  const rows = await db
    .select()
    .from(users)
    .where(
      and(
        usersVisibleTo(actor),
        query.role ? eq(users.role, query.role) : undefined,
        query.districtId !== undefined ? eq(users.districtId, query.districtId) : undefined,
        query.q ? matching(query.q) : undefined,
        query.disabled === undefined ? undefined : query.disabled ? isNotNull(users.disabledAt) : isNull(users.disabledAt),
        after ? sql`(${users.createdAt}, ${users.id}) < (${new Date(after.t)}, ${after.id})` : undefined,
      ),
    )
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    users: await presentUsers(page),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ t: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
