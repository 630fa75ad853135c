import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { db } from '../../db/client';
import { communities } from '../../db/schema/index';
import type { Actor } from '../../http/actor';

/**
 * The communities an actor organises, as a SQL condition on a community-id column: an organizer
 * of one community (users.community_id), a district organizer (district_id, no community) all of
 * that district's communities, an admin every community, anyone else none. Used inside queries,
 * so what lies outside is simply not found.
 */
export function managedCommunities(actor: Actor, column: AnyPgColumn): SQL {
  if (actor.role === 'admin') return sql`true`;
  if (actor.role !== 'organizer') return sql`false`;
  if (actor.communityId !== null) return eq(column, actor.communityId);
  if (actor.districtId !== null)
    return inArray(column, db.select({ id: communities.id }).from(communities).where(eq(communities.districtId, actor.districtId)));
  return sql`false`;
}

export const canManageRewards = (actor: Actor) => actor.role === 'admin' || actor.role === 'organizer';
