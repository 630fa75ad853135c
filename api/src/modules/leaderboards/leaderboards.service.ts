import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { namedSql, prepared } from '../../db/prepared';
import { communities, communityPeriodPoints, userPeriodPoints, users } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { validationError } from '../../http/errors';
import { ALL_TIME, CITY_WIDE, periodsOf } from '../points/points.service';
import { communityDistrict, districtExists } from '../reference/reference.service';
import { boardCache, boardVersion } from './board-cache';
import { presentCommunityEntry, presentVolunteerEntry } from './leaderboards.presenter';
import type { CommunityBoard, CommunityBoardQuery, Period, VolunteerBoard, VolunteerBoardQuery } from '@hy/schemas/leaderboards';
import { presentTop, withOwnEntry, type OwnedEntries } from './presented-top';

/** A board answer whose entries are the shared, already serialized top N (presented-top.ts: `boardJson`). */
type Answer<Board extends { entries: unknown[] }> = Omit<Board, 'entries'> & { entries: OwnedEntries<Board['entries'][number]> };

export function currentPeriodStart(period: Period, at: Date = new Date()): string {
  // The same answer for a whole second (periods begin on whole seconds): worked out once per
  // second and period, not for every board request (issue 14's profile).
  const second = Math.floor(at.getTime() / 1000);
  const known = startsBySecond.get(period);
  if (known?.second === second) return known.start;
  const start = periodsOf(at).find((p) => p.period === period)?.periodStart ?? ALL_TIME;
  startsBySecond.set(period, { second, start });
  return start;
}
const startsBySecond = new Map<Period, { second: number; start: string }>();

/** The largest `limit` a board accepts: the cached top N is this long and each request takes its prefix. */
const TOP_CACHED = 100;
const ph = sql.placeholder;

/**
 * Unknown district or a community outside the district is a bad parameter (400), not an empty
 * board. Answers the district the board lies in (a community's), null for the city.
 */
async function checkScope(districtId: number | undefined, communityId?: number): Promise<number | null> {
  if (communityId !== undefined) {
    const inDistrict = await communityDistrict(communityId);
    if (inDistrict === null) throw validationError([{ field: 'communityId', message: 'no such community' }]);
    if (districtId !== undefined && inDistrict !== districtId)
      throw validationError([{ field: 'communityId', message: 'is not in the given district' }]);
    return inDistrict;
  }
  if (districtId === undefined) return null;
  if (!(await districtExists(districtId))) throw validationError([{ field: 'districtId', message: 'no such district' }]);
  return districtId;
}

/**
 * A volunteer board's scope. A community lies in one district and a volunteer's period row
 * carries their community and district together, so `communityId` (with or without its own
 * `districtId`) selects exactly the community's rows.
 */
type VolunteerScope = 'city' | 'district' | 'community';

const volunteerTop = (scope: VolunteerScope) =>
  prepared(`board_volunteers_top_${scope}`, (db, name) =>
    db
      .select({
        userId: userPeriodPoints.userId,
        points: userPeriodPoints.points,
        displayName: users.displayName,
        community: { id: communities.id, nameZh: communities.nameZh, nameEn: communities.nameEn },
      })
      .from(userPeriodPoints)
      .innerJoin(users, eq(users.id, userPeriodPoints.userId))
      .leftJoin(communities, eq(communities.id, userPeriodPoints.communityId))
      .where(
        and(
          eq(userPeriodPoints.period, ph('period')),
          eq(userPeriodPoints.periodStart, ph('periodStart')),
          scope === 'district' ? eq(userPeriodPoints.districtId, ph('place')) : undefined,
          scope === 'community' ? eq(userPeriodPoints.communityId, ph('place')) : undefined,
          gt(userPeriodPoints.points, 0),
        ),
      )
      // NULLS LAST as in upp_*rank_idx (points is NOT NULL, so the order is the same): with the
      // index's own order PostgreSQL reads it in order and stops after N rows instead of sorting the period.
      .orderBy(sql`${userPeriodPoints.points} desc nulls last`, asc(userPeriodPoints.userId))
      .limit(ph('limit'))
      .prepare(name),
  );
const volunteerTops = { city: volunteerTop('city'), district: volunteerTop('district'), community: volunteerTop('community') };

/**
 * The caller's own standing in one statement (one round trip, not two or three): their points in
 * the scope — their period row's if it lies in the scope; else 0 if they belong to the scope now
 * (no points there yet this period); else none — and how many are ahead of them. City-wide or a
 * district: up to 740k users may be ahead, so the histogram buckets above the caller's points are
 * summed (a few thousand distinct values) instead of counting users one by one; a community has a
 * few hundred members, counted on upp_community_rank_idx. $1 period, $2 period start, $3 user,
 * $4 district or null, $5 community or null.
 */
const OWN_POINTS = `
  SELECT CASE
      WHEN o.user_id IS NOT NULL AND ($4::smallint IS NULL OR o.district_id = $4) AND ($5::int IS NULL OR o.community_id = $5) THEN o.points
      WHEN ($4::smallint IS NULL OR u.district_id = $4) AND ($5::int IS NULL OR u.community_id = $5) THEN 0
    END AS points
  FROM users u LEFT JOIN user_period_points o ON o.period = $1::period AND o.period_start = $2::date AND o.user_id = u.id
  WHERE u.id = $3::uuid`;
type OwnStanding = { points: number | null; ahead: number | null };
const ownInHistogram = namedSql<OwnStanding>(
  'board_volunteer_own_histogram',
  `WITH me AS (${OWN_POINTS})
   SELECT me.points, (SELECT coalesce(sum(h.users), 0)::int FROM period_points_histogram h
     WHERE h.period = $1::period AND h.period_start = $2::date AND h.district_id = coalesce($4::smallint, ${CITY_WIDE}) AND h.points > me.points) AS ahead
   FROM me`,
);
const ownInCommunity = namedSql<OwnStanding>(
  'board_volunteer_own_community',
  `WITH me AS (${OWN_POINTS})
   SELECT me.points, (SELECT count(*)::int FROM user_period_points p
     WHERE p.period = $1::period AND p.period_start = $2::date AND p.community_id = $5::int AND p.points > me.points) AS ahead
   FROM me`,
);

/**
 * Top N volunteers of a period from the incrementally kept totals, ties in user-id order sharing
 * a rank, plus the caller's own standing: rank = 1 + the users ahead of them, from the points
 * histogram (city-wide, district) or counted on upp_community_rank_idx — never a ledger scan.
 * The top N comes from the board cache (a few seconds old at most, `computedAt`); the caller's
 * own standing is exact: read anew, or kept only until the next award in the board's scope
 * (a volunteer's community and district never change, so nothing else moves it).
 */
export async function volunteerBoard(actor: Actor, q: VolunteerBoardQuery): Promise<Answer<VolunteerBoard>> {
  const inDistrict = await checkScope(q.districtId, q.communityId);
  const periodStart = currentPeriodStart(q.period);
  const scope: VolunteerScope = q.communityId !== undefined ? 'community' : q.districtId !== undefined ? 'district' : 'city';
  const place = q.communityId ?? q.districtId ?? 0;
  const [top, me] = await boardCache.withOwn(
    {
      version: boardVersion('volunteers', q.period, periodStart, inDistrict),
      entry: `volunteers|${q.period}|${periodStart}|${scope}|${place}`,
    },
    () => volunteerTops[scope]().execute({ period: q.period, periodStart, place, limit: TOP_CACHED }),
    actor.id,
    () => ownVolunteerStanding(actor, q, periodStart),
  );
  const board = presentTop({
    top,
    limit: q.limit,
    score: (r) => r.points,
    owner: (r) => r.userId,
    present: (r, rank) => presentVolunteerEntry({ ...r, rank, isMe: false }),
  });
  return {
    period: q.period,
    periodStart,
    districtId: q.districtId ?? null,
    communityId: q.communityId ?? null,
    computedAt: top.computedAt,
    entries: withOwnEntry(board, actor.id, (e) => ({ ...e, isMe: true })),
    me,
  };
}

async function ownVolunteerStanding(actor: Actor, q: VolunteerBoardQuery, periodStart: string) {
  if (actor.role !== 'volunteer') return null;
  const statement = q.communityId !== undefined ? ownInCommunity : ownInHistogram;
  const [own] = await statement([q.period, periodStart, actor.id, q.districtId ?? null, q.communityId ?? null]);
  if (!own || own.points === null) return null;
  return { rank: Number(own.ahead) + 1, points: Number(own.points), periodStart };
}

/** The community board's statements for one shape: raw or per-capita score, city-wide or one district. */
function communityStatements(perCapita: boolean, inDistrict: boolean) {
  const shape = `${perCapita ? 'per_capita' : 'points'}_${inDistrict ? 'district' : 'city'}`;
  const score = perCapita
    ? sql<number>`${communityPeriodPoints.points}::numeric / nullif(${communities.memberCount}, 0)`
    : sql<number>`${communityPeriodPoints.points}::numeric`;
  const inScope = and(
    eq(communityPeriodPoints.period, ph('period')),
    eq(communityPeriodPoints.periodStart, ph('periodStart')),
    gt(communityPeriodPoints.points, 0),
    inDistrict ? eq(communityPeriodPoints.districtId, ph('districtId')) : undefined,
    perCapita ? gt(communities.memberCount, 0) : undefined,
  );
  return {
    top: prepared(`board_communities_top_${shape}`, (db, name) =>
      db
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
        .orderBy(perCapita ? desc(score) : sql`${communityPeriodPoints.points} desc nulls last`, asc(communityPeriodPoints.communityId))
        .limit(ph('limit'))
        .prepare(name),
    ),
    // The caller's community and how many are ahead of it, in one statement.
    standing: prepared(`board_communities_standing_${shape}`, (db, name) => {
      const own = db
        .select({ points: communityPeriodPoints.points, score: sql<string>`${score}`.as('score') })
        .from(communityPeriodPoints)
        .innerJoin(communities, eq(communities.id, communityPeriodPoints.communityId))
        .where(and(inScope, eq(communityPeriodPoints.communityId, ph('communityId'))))
        .as('own');
      return db
        .select({
          points: own.points,
          ahead: sql<number>`(SELECT count(*)::int FROM ${communityPeriodPoints} INNER JOIN ${communities} ON ${communities.id} = ${communityPeriodPoints.communityId} WHERE ${inScope} AND ${score} > ${own.score})`,
        })
        .from(own)
        .prepare(name);
    }),
  };
}
const communityBoards = {
  points: { city: communityStatements(false, false), district: communityStatements(false, true) },
  perCapita: { city: communityStatements(true, false), district: communityStatements(true, true) },
};

/**
 * Communities by points their members earned, or per registered member (communities.member_count)
 * so big communities are not favoured. At most ~2,400 rows per period, so the per-capita order is
 * computed in the query over that small set. The top N is cached like the volunteers' board; the
 * caller's own community is read anew.
 */
export async function communityBoard(actor: Actor, q: CommunityBoardQuery): Promise<Answer<CommunityBoard>> {
  await checkScope(q.districtId);
  const periodStart = currentPeriodStart(q.period);
  const statements = communityBoards[q.perCapita ? 'perCapita' : 'points'][q.districtId !== undefined ? 'district' : 'city'];
  const key = { period: q.period, periodStart, districtId: q.districtId ?? 0 };
  const [top, me] = await Promise.all([
    boardCache.top(
      {
        version: boardVersion('communities', q.period, periodStart, q.districtId ?? null),
        entry: `communities|${q.period}|${periodStart}|${q.districtId ?? 'city'}|${q.perCapita ? 'per_capita' : 'points'}`,
      },
      () => statements.top().execute({ ...key, limit: TOP_CACHED }),
    ),
    ownCommunityStanding(actor, statements, key),
  ]);
  const board = presentTop({
    top,
    limit: q.limit,
    score: (r) => Number(r.score),
    owner: (r) => r.community.id,
    present: (r, rank) => presentCommunityEntry({ ...r, rank, isMine: false }),
  });
  return {
    period: q.period,
    periodStart,
    districtId: q.districtId ?? null,
    perCapita: q.perCapita,
    computedAt: top.computedAt,
    entries: withOwnEntry(board, actor.communityId, (e) => ({ ...e, isMine: true })),
    me,
  };
}

async function ownCommunityStanding(
  actor: Actor,
  statements: ReturnType<typeof communityStatements>,
  key: { period: Period; periodStart: string; districtId: number },
): Promise<{ rank: number; points: number; communityId: number } | null> {
  const mine = actor.communityId;
  if (mine === null) return null;
  const [own] = await statements.standing().execute({ ...key, communityId: mine });
  if (!own) return null;
  return { rank: Number(own.ahead) + 1, points: own.points, communityId: mine };
}
