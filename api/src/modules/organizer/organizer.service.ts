import { and, asc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { db } from '../../db/client';
import { communities, tips, userPeriodPoints, users } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { forbidden } from '../../http/errors';
import { decodeCursor, encodeCursor, TimeIdCursor } from '../../lib/cursor';
import { cstMonthStart, cstWeekStart } from '../../lib/time';
import { ALL_TIME } from '../points/points.service';
import { currentPeriodStart } from '../leaderboards/leaderboards.service';
import { managedCommunities } from './organizer.policy';
import { presentManagedCommunity, presentMember } from './organizer.presenter';
import type { Activity, ActivityQuery, ManagedCommunitiesPage, ManagedCommunitiesQuery, MembersPage, MembersQuery } from '@hy/schemas/organizer';
import { communitySearch, normalizeSearch } from '../reference/places.service';

/** The communities the organizer manages, optionally narrowed to one (which must be theirs: 403 otherwise). */
async function scopeIds(actor: Actor, communityId: number | undefined): Promise<number[]> {
  const rows = await db
    .select({ id: communities.id })
    .from(communities)
    .where(and(managedCommunities(actor, communities.id), communityId !== undefined ? eq(communities.id, communityId) : undefined))
    .orderBy(asc(communities.id));
  if (communityId !== undefined && rows.length === 0) throw forbidden('You do not organise this community');
  return rows.map((r) => r.id);
}

const CodeCursor = z.object({ code: z.string().regex(/^\d{12}$/) });

/** The query asks for `code IS NOT NULL`; this tells the type. */
const hasCode = <C extends { code: string | null }>(c: C): c is C & { code: string } => c.code !== null;

/**
 * The communities the organizer manages with their members and points, by division code,
 * keyset-paged: an admin manages all 2,760 and a district organizer several hundred, so the
 * dashboard searches them (`q`: Chinese name, pinyin or initials) or asks for one (`communityId`,
 * 403 when it is not theirs).
 */
export async function listManagedCommunities(actor: Actor, q: ManagedCommunitiesQuery): Promise<ManagedCommunitiesPage> {
  const after = decodeCursor(CodeCursor, q.cursor);
  const text = q.q ? normalizeSearch(q.q) : '';
  const rows = await db
    .select()
    .from(communities)
    .where(
      and(
        managedCommunities(actor, communities.id),
        sql`${communities.code} IS NOT NULL`,
        q.communityId !== undefined ? eq(communities.id, q.communityId) : undefined,
        text ? communitySearch(text).match : undefined,
        after ? gt(communities.code, after.code) : undefined,
      ),
    )
    .orderBy(asc(communities.code))
    .limit(q.limit + 1);
  if (q.communityId !== undefined && rows.length === 0) throw forbidden('You do not organise this community');
  const page = rows.slice(0, q.limit).filter(hasCode);
  const nextCursor = rows.length > q.limit ? encodeCursor({ code: page.at(-1)!.code }) : null;
  if (page.length === 0) return { communities: [], nextCursor };
  const ids = page.map((c) => c.id);
  const totals = await db.execute<{ community_id: number; period: 'week' | 'month' | 'all'; points: number }>(sql`
    SELECT community_id, period, points FROM community_period_points
    WHERE community_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
      AND ((period = 'week' AND period_start = ${currentPeriodStart('week')})
        OR (period = 'month' AND period_start = ${currentPeriodStart('month')})
        OR (period = 'all' AND period_start = ${ALL_TIME}))`);
  return {
    communities: page.map((c) => {
      const of = (p: 'week' | 'month' | 'all') =>
        Number(totals.rows.find((t) => Number(t.community_id) === c.id && t.period === p)?.points ?? 0);
      return presentManagedCommunity(c, { week: of('week'), month: of('month'), all: of('all') });
    }),
    nextCursor,
  };
}

/** Volunteers of the organizer's communities, newest members first. */
export async function listMembers(actor: Actor, q: MembersQuery): Promise<MembersPage> {
  const ids = await scopeIds(actor, q.communityId);
  if (ids.length === 0) return { members: [], nextCursor: null };
  const cursor = decodeCursor(TimeIdCursor, q.cursor);
  const at = cursor ? new Date(cursor.t) : undefined;
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      createdAt: users.createdAt,
      balance: users.pointsBalance,
      earned: userPeriodPoints.points,
      community: { id: communities.id, nameZh: communities.nameZh, nameEn: communities.nameEn },
    })
    .from(users)
    .leftJoin(communities, eq(communities.id, users.communityId))
    .leftJoin(
      userPeriodPoints,
      and(eq(userPeriodPoints.userId, users.id), eq(userPeriodPoints.period, 'all'), eq(userPeriodPoints.periodStart, ALL_TIME)),
    )
    .where(
      and(
        eq(users.role, 'volunteer'),
        inArray(users.communityId, ids),
        cursor && at ? or(lt(users.createdAt, at), and(eq(users.createdAt, at), lt(users.id, cursor.id))) : undefined,
      ),
    )
    // NULLS LAST as in users_community_created_idx, or PostgreSQL sorts instead of reading the index
    .orderBy(sql`${users.createdAt} desc nulls last`, sql`${users.id} desc nulls last`)
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return {
    members: items.map(presentMember),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ t: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

/** The first day of each of the last `count` periods, oldest first (Asia/Shanghai). */
function bucketStarts(period: 'week' | 'month', count: number, now = new Date()): string[] {
  const starts: string[] = [];
  let cursor = period === 'week' ? cstWeekStart(now) : cstMonthStart(now);
  for (let i = 0; i < count; i++) {
    starts.unshift(cursor);
    const d = new Date(`${cursor}T00:00:00Z`);
    if (period === 'week') d.setUTCDate(d.getUTCDate() - 7);
    else d.setUTCMonth(d.getUTCMonth() - 1);
    cursor = d.toISOString().slice(0, 10);
  }
  return starts;
}

/**
 * Tips submitted and validated per week or month in the organizer's communities: counts only,
 * from tips.community_id — never a tip's contents or who reported it.
 */
export async function activity(actor: Actor, q: ActivityQuery): Promise<Activity> {
  const ids = await scopeIds(actor, q.communityId);
  const starts = bucketStarts(q.period, q.buckets);
  const from = new Date(`${starts[0]}T00:00:00+08:00`);
  const counts = new Map(starts.map((s) => [s, { periodStart: s, submitted: 0, validated: 0 }]));
  if (ids.length > 0) {
    const unit = sql.raw(q.period === 'week' ? "'week'" : "'month'");
    const inScope = sql.join(ids.map((id) => sql`${id}`), sql`, `);
    const bucket = (column: AnyPgColumn) =>
      sql<string>`to_char(date_trunc(${unit}, ${column} AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD')`;
    const [submitted, validated] = await Promise.all([
      db
        .select({ start: bucket(tips.createdAt), n: sql<number>`count(*)::int` })
        .from(tips)
        .where(sql`${tips.communityId} IN (${inScope}) AND ${tips.createdAt} >= ${from}`)
        .groupBy(sql`1`),
      db
        .select({ start: bucket(tips.decidedAt), n: sql<number>`count(*)::int` })
        .from(tips)
        .where(sql`${tips.communityId} IN (${inScope}) AND ${tips.status} = 'valid' AND ${tips.decidedAt} >= ${from}`)
        .groupBy(sql`1`),
    ]);
    for (const r of submitted) {
      const b = counts.get(r.start);
      if (b) b.submitted = r.n;
    }
    for (const r of validated) {
      const b = counts.get(r.start);
      if (b) b.validated = r.n;
    }
  }
  return { period: q.period, communityIds: ids, series: [...counts.values()] };
}
