import { and, asc, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { db } from '../../db/client';
import { communities, communityPeriodPoints, districts, periodPointsHistogram, userPeriodPoints, users } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { validationError } from '../../http/errors';
import { ALL_TIME, CITY_WIDE, periodsOf } from '../points/points.service';
import { competitionRanks } from './leaderboards.policy';
import { presentCommunityEntry, presentVolunteerEntry } from './leaderboards.presenter';
import type { CommunityBoardQuery, Period, VolunteerBoardQuery } from './leaderboards.schema';

export function currentPeriodStart(period: Period, at: Date = new Date()): string {
  return periodsOf(at).find((p) => p.period === period)?.periodStart ?? ALL_TIME;
}

/** Unknown district or a community outside the district is a bad parameter (400), not an empty board. */
async function checkScope(districtId: number | undefined, communityId?: number): Promise<void> {
  if (communityId !== undefined) {
    const [c] = await db.select({ districtId: communities.districtId }).from(communities).where(eq(communities.id, communityId));
    if (!c) throw validationError([{ field: 'communityId', message: 'no such community' }]);
    if (districtId !== undefined && c.districtId !== districtId)
      throw validationError([{ field: 'communityId', message: 'is not in the given district' }]);
    return;
  }
  if (districtId === undefined) return;
  const [d] = await db.select({ id: districts.id }).from(districts).where(eq(districts.id, districtId));
  if (!d) throw validationError([{ field: 'districtId', message: 'no such district' }]);
}

/**
 * Top N volunteers of a period from the incrementally kept totals, ties in user-id order sharing
 * a rank, plus the caller's own standing: rank = 1 + the users ahead of them, from the points
 * histogram (city-wide, district) or counted on upp_community_rank_idx — never a ledger scan.
 */
export async function volunteerBoard(actor: Actor, q: VolunteerBoardQuery) {
  await checkScope(q.districtId, q.communityId);
  const periodStart = currentPeriodStart(q.period);
  const inScope: SQL = and(
    eq(userPeriodPoints.period, q.period),
    eq(userPeriodPoints.periodStart, periodStart),
    q.districtId !== undefined ? eq(userPeriodPoints.districtId, q.districtId) : undefined,
    q.communityId !== undefined ? eq(userPeriodPoints.communityId, q.communityId) : undefined,
  )!;
  const rows = await db
    .select({
      userId: userPeriodPoints.userId,
      points: userPeriodPoints.points,
      displayName: users.displayName,
      community: { id: communities.id, nameZh: communities.nameZh, nameEn: communities.nameEn },
    })
    .from(userPeriodPoints)
    .innerJoin(users, eq(users.id, userPeriodPoints.userId))
    .leftJoin(communities, eq(communities.id, userPeriodPoints.communityId))
    .where(and(inScope, gt(userPeriodPoints.points, 0)))
    // NULLS LAST as in upp_*rank_idx (points is NOT NULL, so the order is the same): with the
    // index's own order PostgreSQL reads it in order and stops after N rows instead of sorting the period.
    .orderBy(sql`${userPeriodPoints.points} desc nulls last`, asc(userPeriodPoints.userId))
    .limit(q.limit);
  const ranks = competitionRanks(rows, (r) => r.points);
  return {
    period: q.period,
    periodStart,
    districtId: q.districtId ?? null,
    communityId: q.communityId ?? null,
    entries: rows.map((r, i) => presentVolunteerEntry({ ...r, rank: ranks[i], isMe: r.userId === actor.id })),
    me: await ownVolunteerStanding(actor, q, inScope, periodStart),
  };
}

async function ownVolunteerStanding(actor: Actor, q: VolunteerBoardQuery, inScope: SQL, periodStart: string) {
  if (actor.role !== 'volunteer') return null;
  const [row] = await db
    .select({ points: userPeriodPoints.points })
    .from(userPeriodPoints)
    .where(and(inScope, eq(userPeriodPoints.userId, actor.id)));
  let points = row?.points;
  if (points === undefined) {
    // No points this period yet: on the board at 0 if they belong to the scope now.
    const [me] = await db.select({ districtId: users.districtId, communityId: users.communityId }).from(users).where(eq(users.id, actor.id));
    const belongs =
      me && (q.districtId === undefined || me.districtId === q.districtId) && (q.communityId === undefined || me.communityId === q.communityId);
    if (!belongs) return null;
    points = 0;
  }
  const ahead = q.communityId !== undefined ? await countAhead(inScope, points) : await sumAhead({ q, periodStart, points });
  return { rank: ahead + 1, points, periodStart };
}

/** A community has a few hundred members: counting those ahead on upp_community_rank_idx is cheap. */
async function countAhead(inScope: SQL, points: number): Promise<number> {
  const [{ ahead }] = await db
    .select({ ahead: sql<number>`count(*)::int` })
    .from(userPeriodPoints)
    .where(and(inScope, gt(userPeriodPoints.points, points)));
  return ahead;
}

/**
 * City-wide or district: up to 740k users may be ahead, so sum the histogram buckets above the
 * caller's points (a few thousand distinct values) instead of counting them one by one.
 */
async function sumAhead(opts: { q: VolunteerBoardQuery; periodStart: string; points: number }): Promise<number> {
  const { q, periodStart, points } = opts;
  const [{ ahead }] = await db
    .select({ ahead: sql<number>`coalesce(sum(${periodPointsHistogram.users}), 0)::int` })
    .from(periodPointsHistogram)
    .where(
      and(
        eq(periodPointsHistogram.period, q.period),
        eq(periodPointsHistogram.periodStart, periodStart),
        eq(periodPointsHistogram.districtId, q.districtId ?? CITY_WIDE),
        gt(periodPointsHistogram.points, points),
      ),
    );
  return ahead;
}

/**
 * Communities by points their members earned, or per registered member (communities.member_count)
 * so big communities are not favoured. At most ~2,400 rows per period, so the per-capita order is
 * computed in the query over that small set.
 */
export async function communityBoard(actor: Actor, q: CommunityBoardQuery) {
  await checkScope(q.districtId);
  const periodStart = currentPeriodStart(q.period);
  const score = q.perCapita
    ? sql<number>`${communityPeriodPoints.points}::numeric / nullif(${communities.memberCount}, 0)`
    : sql<number>`${communityPeriodPoints.points}::numeric`;
  const inScope: SQL = and(
    eq(communityPeriodPoints.period, q.period),
    eq(communityPeriodPoints.periodStart, periodStart),
    gt(communityPeriodPoints.points, 0),
    q.districtId !== undefined ? eq(communityPeriodPoints.districtId, q.districtId) : undefined,
    q.perCapita ? gt(communities.memberCount, 0) : undefined,
  )!;
  const rows = await db
    .select({
      community: { id: communities.id, nameZh: communities.nameZh, nameEn: communities.nameEn, districtId: communities.districtId },
      points: communityPeriodPoints.points,
      memberCount: communities.memberCount,
      score: sql<string>`${score}`,
    })
    .from(communityPeriodPoints)
    .innerJoin(communities, eq(communities.id, communityPeriodPoints.communityId))
    .where(inScope)
    // Raw points: cpp_rank_idx's own order (NULLS LAST), so the index is read in order and the scan
    // stops after N rows. Per capita is an expression no index holds: a sort of ≤ 2,400 rows.
    .orderBy(
      q.perCapita ? desc(score) : sql`${communityPeriodPoints.points} desc nulls last`,
      asc(communityPeriodPoints.communityId),
    )
    .limit(q.limit);
  const ranks = competitionRanks(rows, (r) => Number(r.score));
  const mine = actor.communityId;
  let me: { rank: number; points: number; communityId: number } | null = null;
  if (mine !== null) {
    const [own] = await db
      .select({ points: communityPeriodPoints.points, score: sql<string>`${score}` })
      .from(communityPeriodPoints)
      .innerJoin(communities, eq(communities.id, communityPeriodPoints.communityId))
      .where(and(inScope, eq(communityPeriodPoints.communityId, mine)));
    if (own) {
      const [{ ahead }] = await db
        .select({ ahead: sql<number>`count(*)::int` })
        .from(communityPeriodPoints)
        .innerJoin(communities, eq(communities.id, communityPeriodPoints.communityId))
        .where(and(inScope, sql`${score} > ${own.score}::numeric`));
      me = { rank: ahead + 1, points: own.points, communityId: mine };
    }
  }
  return {
    period: q.period,
    periodStart,
    districtId: q.districtId ?? null,
    perCapita: q.perCapita,
    entries: rows.map((r, i) => presentCommunityEntry({ ...r, rank: ranks[i], isMine: r.community.id === mine })),
    me,
  };
}
