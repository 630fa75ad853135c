import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { prepared } from '../../db/prepared';
import { communities, communityPeriodPoints, periodPointsHistogram, userPeriodPoints, users } from '../../db/schema/index';
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
  return periodsOf(at).find((p) => p.period === period)?.periodStart ?? ALL_TIME;
}

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

const ownPeriodRow = prepared('board_volunteer_own_row', (db, name) =>
  db
    .select({ points: userPeriodPoints.points, districtId: userPeriodPoints.districtId, communityId: userPeriodPoints.communityId })
    .from(userPeriodPoints)
    .where(
      and(
        eq(userPeriodPoints.period, ph('period')),
        eq(userPeriodPoints.periodStart, ph('periodStart')),
        eq(userPeriodPoints.userId, ph('userId')),
      ),
    )
    .prepare(name),
);

const ownPlace = prepared('board_volunteer_place', (db, name) =>
  db.select({ districtId: users.districtId, communityId: users.communityId }).from(users).where(eq(users.id, ph('userId'))).prepare(name),
);

/** A community has a few hundred members: counting those ahead on upp_community_rank_idx is cheap. */
const aheadInCommunity = prepared('board_volunteer_ahead_community', (db, name) =>
  db
    .select({ ahead: sql<number>`count(*)::int` })
    .from(userPeriodPoints)
    .where(
      and(
        eq(userPeriodPoints.period, ph('period')),
        eq(userPeriodPoints.periodStart, ph('periodStart')),
        eq(userPeriodPoints.communityId, ph('communityId')),
        gt(userPeriodPoints.points, ph('points')),
      ),
    )
    .prepare(name),
);

/**
 * City-wide or district: up to 740k users may be ahead, so sum the histogram buckets above the
 * caller's points (a few thousand distinct values) instead of counting them one by one.
 */
const aheadInHistogram = prepared('board_volunteer_ahead_histogram', (db, name) =>
  db
    .select({ ahead: sql<number>`coalesce(sum(${periodPointsHistogram.users}), 0)::int` })
    .from(periodPointsHistogram)
    .where(
      and(
        eq(periodPointsHistogram.period, ph('period')),
        eq(periodPointsHistogram.periodStart, ph('periodStart')),
        eq(periodPointsHistogram.districtId, ph('districtId')),
        gt(periodPointsHistogram.points, ph('points')),
      ),
    )
    .prepare(name),
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
  const key = { period: q.period, periodStart };
  const inScope = (p: { districtId: number | null; communityId: number | null }) =>
    (q.districtId === undefined || p.districtId === q.districtId) && (q.communityId === undefined || p.communityId === q.communityId);
  const [row] = await ownPeriodRow().execute({ ...key, userId: actor.id });
  let points: number;
  if (row && inScope(row)) points = row.points;
  else {
    // No points in this scope this period yet: on the board at 0 if they belong to the scope now.
    const [home] = await ownPlace().execute({ userId: actor.id });
    if (!home || !inScope(home)) return null;
    points = 0;
  }
  const [{ ahead }] =
    q.communityId !== undefined
      ? await aheadInCommunity().execute({ ...key, communityId: q.communityId, points })
      : await aheadInHistogram().execute({ ...key, districtId: q.districtId ?? CITY_WIDE, points });
  return { rank: ahead + 1, points, periodStart };
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
    own: prepared(`board_communities_own_${shape}`, (db, name) =>
      db
        .select({ points: communityPeriodPoints.points, score: sql<string>`${score}` })
        .from(communityPeriodPoints)
        .innerJoin(communities, eq(communities.id, communityPeriodPoints.communityId))
        .where(and(inScope, eq(communityPeriodPoints.communityId, ph('communityId'))))
        .prepare(name),
    ),
    ahead: prepared(`board_communities_ahead_${shape}`, (db, name) =>
      db
        .select({ ahead: sql<number>`count(*)::int` })
        .from(communityPeriodPoints)
        .innerJoin(communities, eq(communities.id, communityPeriodPoints.communityId))
        .where(and(inScope, sql`${score} > ${ph('score')}::numeric`))
        .prepare(name),
    ),
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
  const [own] = await statements.own().execute({ ...key, communityId: mine });
  if (!own) return null;
  const [{ ahead }] = await statements.ahead().execute({ ...key, score: own.score });
  return { rank: ahead + 1, points: own.points, communityId: mine };
}
