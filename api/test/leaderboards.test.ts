import { expect } from 'chai';
import { asc, eq } from 'drizzle-orm';
import { communities, periodPointsHistogram, userPeriodPoints, users } from '../src/db/schema/index';
import { cstWeekStart } from '../src/lib/time';
import { createUser, type TestUser } from './support/factories';
import { api, db, resetDb } from './support/harness';
import { award, grant, makeReward } from './support/points-helpers';

type Entry = { rank: number; displayName: string; points: number; isMe: boolean };

async function districtCommunities(districtId: number) {
  return db().select().from(communities).where(eq(communities.districtId, districtId)).orderBy(asc(communities.id)).limit(2);
}

describe('leaderboards: volunteers and communities', () => {
  let c1: number, c2: number, c3: number;
  let a: TestUser, b: TestUser, c: TestUser, d: TestUser, e: TestUser, f: TestUser, officer: TestUser;

  before(async () => {
    await resetDb();
    [{ id: c1 }, { id: c2 }] = await districtCommunities(1);
    [{ id: c3 }] = await districtCommunities(11);
    a = await createUser({ communityId: c1, displayName: 'A-群众' });
    b = await createUser({ communityId: c1, displayName: 'B-群众' });
    c = await createUser({ communityId: c2, displayName: 'C-群众' });
    d = await createUser({ districtId: 11, communityId: c3, displayName: 'D-群众' });
    e = await createUser({ communityId: c1, displayName: 'E-群众' });
    f = await createUser({ communityId: c1, displayName: 'F-群众' });
    officer = await createUser({ role: 'officer' });
    for (const [who, points] of [[a, 50], [b, 30], [c, 30], [d, 80], [e, 10]] as const) await grant(who, points);
    await db().update(communities).set({ memberCount: 30 }).where(eq(communities.id, c1));
    await db().update(communities).set({ memberCount: 3 }).where(eq(communities.id, c2));
    await db().update(communities).set({ memberCount: 40 }).where(eq(communities.id, c3));
  });

  const board = (who: TestUser, query: Record<string, string | number | boolean> = {}) =>
    api().get('/api/leaderboards/volunteers').query(query).set(who.auth).expect(200);

  describe('GET /api/leaderboards/volunteers', () => {
    it('ranks by points, ties sharing a rank in a stable order, display names only', async () => {
      const res = await board(a, { period: 'week' });
      const [first, second] = [b, c].sort((x, y) => (x.user.id < y.user.id ? -1 : 1));
      expect(res.body.entries.map((x: Entry) => [x.rank, x.displayName, x.points])).to.deep.equal([
        [1, 'D-群众', 80],
        [2, 'A-群众', 50],
        [3, first.user.displayName, 30],
        [3, second.user.displayName, 30],
        [5, 'E-群众', 10],
      ]);
      expect(res.body.entries[1].isMe).to.equal(true);
      expect(res.body.me).to.include({ rank: 2, points: 50 });
      const text = JSON.stringify(res.body);
      for (const who of [a, b, c, d, e]) {
        expect(text).to.not.include(who.phone);
        expect(text).to.not.include(who.user.id);
      }
      const again = await board(a, { period: 'week' });
      expect(again.body.entries).to.deep.equal(res.body.entries);
    });

    it('marks the caller\'s own entry only, on the same cached board, whatever the order of callers', async () => {
      const mine = (res: { body: { entries: (Entry & { displayName: string })[] } }) => res.body.entries.filter((x) => x.isMe).map((x) => x.displayName);
      expect(mine(await board(d, { period: 'week' }))).to.deep.equal(['D-群众']);
      expect(mine(await board(a, { period: 'week' }))).to.deep.equal(['A-群众']);
      expect(mine(await board(f, { period: 'week' }))).to.deep.equal([]);
      expect(mine(await board(d, { period: 'week' }))).to.deep.equal(['D-群众']);
      expect(mine(await board(d, { period: 'week', limit: 1 }))).to.deep.equal(['D-群众']);
      expect(mine(await board(a, { period: 'week', limit: 1 }))).to.deep.equal([]);
    });

    it('gives the caller their own rank and points even outside the top N', async () => {
      const res = await board(e, { limit: 2 });
      expect(res.body.entries).to.have.length(2);
      expect(res.body.entries.some((x: Entry) => x.isMe)).to.equal(false);
      expect(res.body.me).to.include({ rank: 5, points: 10 });
      const none = await board(f, { limit: 2 });
      expect(none.body.me).to.include({ rank: 6, points: 0 });
    });

    it('ranks within a district or a community', async () => {
      const district = await board(b, { districtId: 1 });
      expect(district.body.entries.map((x: Entry) => x.displayName)).to.not.include('D-群众');
      expect(district.body.entries.map((x: Entry) => x.rank)).to.deep.equal([1, 2, 2, 4]);
      expect(district.body.me).to.include({ rank: 2, points: 30 });
      const community = await board(e, { communityId: c1, period: 'month' });
      expect(community.body.entries.map((x: Entry) => x.displayName)).to.deep.equal(['A-群众', 'B-群众', 'E-群众']);
      expect(community.body.me).to.include({ rank: 3, points: 10 });
      const elsewhere = await board(d, { districtId: 1 });
      expect(elsewhere.body.me).to.equal(null);
      const police = await board(officer);
      expect(police.body.me).to.equal(null);
    });

    it('counts only the current week on the weekly board', async () => {
      const old = await createUser({ communityId: c1, displayName: 'Old-群众' });
      const lastWeek = cstWeekStart(new Date(Date.now() - 7 * 86_400_000));
      await db().insert(userPeriodPoints).values({ period: 'week', periodStart: lastWeek, userId: old.user.id, communityId: c1, districtId: 1, points: 999 });
      // Straight into the tables, so the histogram by hand too (the root hook checks they agree).
      await db()
        .insert(periodPointsHistogram)
        .values([0, 1].map((districtId) => ({ period: 'week' as const, periodStart: lastWeek, districtId, points: 999, users: 1 })));
      const res = await board(a, { period: 'week' });
      expect(res.body.periodStart).to.equal(cstWeekStart());
      expect(res.body.entries.map((x: Entry) => x.displayName)).to.not.include('Old-群众');
    });

    it('does not lower a volunteer’s standing when they spend points', async () => {
      const reward = await makeReward({ cost: 5, stock: 5 });
      await api().post(`/api/rewards/${reward.id}/redeem`).set(e.auth).expect(201);
      const res = await board(e, { period: 'all' });
      expect(res.body.me).to.include({ rank: 5, points: 10 });
    });

    it('answers bad period or scope parameters with 400 naming the field', async () => {
      const bad: [Record<string, string | number>, string][] = [
        [{ period: 'year' }, 'period'],
        [{ districtId: 99 }, 'districtId'],
        [{ districtId: 'x' }, 'districtId'],
        [{ communityId: 999999 }, 'communityId'],
        [{ communityId: c3, districtId: 1 }, 'communityId'],
        [{ limit: 0 }, 'limit'],
        [{ limit: 101 }, 'limit'],
        [{ sort: 'asc' }, 'sort'],
      ];
      for (const [query, field] of bad) {
        const res = await api().get('/api/leaderboards/volunteers').query(query).set(a.auth).expect(400);
        expect(JSON.stringify(res.body.error.details)).to.include(field);
      }
      await api().get('/api/leaderboards/volunteers').expect(401);
    });
  });

  describe('GET /api/leaderboards/communities', () => {
    const communityBoard = (who: TestUser, query: Record<string, string | number | boolean> = {}) =>
      api().get('/api/leaderboards/communities').query(query).set(who.auth).expect(200);
    type CEntry = { rank: number; community: { id: number }; points: number; pointsPerMember: number | null; isMine: boolean };

    it('ranks communities by the points their members earned', async () => {
      const res = await communityBoard(e);
      expect(res.body.entries.map((x: CEntry) => [x.rank, x.community.id, x.points])).to.deep.equal([
        [1, c1, 90],
        [2, c3, 80],
        [3, c2, 30],
      ]);
      expect(res.body.entries[0].isMine).to.equal(true);
      expect(res.body.me).to.deep.equal({ rank: 1, points: 90, communityId: c1 });
    });

    it('ranks per registered member so big communities are not favoured', async () => {
      // earlier tests registered more members (createUser counts them, as registration does)
      await db().update(communities).set({ memberCount: 30 }).where(eq(communities.id, c1));
      await db().update(communities).set({ memberCount: 3 }).where(eq(communities.id, c2));
      await db().update(communities).set({ memberCount: 40 }).where(eq(communities.id, c3));
      const res = await communityBoard(e, { perCapita: true, period: 'all' });
      expect(res.body.entries.map((x: CEntry) => [x.rank, x.community.id, x.pointsPerMember])).to.deep.equal([
        [1, c2, 10],
        [2, c1, 3],
        [3, c3, 2],
      ]);
      expect(res.body.me).to.include({ rank: 2, communityId: c1 });
    });

    it('ranks within a district', async () => {
      const res = await communityBoard(d, { districtId: 1 });
      expect(res.body.entries.map((x: CEntry) => x.community.id)).to.deep.equal([c1, c2]);
      expect(res.body.me).to.equal(null);
    });

    it('answers bad parameters with 400', async () => {
      for (const query of [{ period: 'day' }, { perCapita: 'yes' }, { districtId: 0 }, { districtId: 77 }, { communityId: c1 }]) {
        await api().get('/api/leaderboards/communities').query(query).set(a.auth).expect(400);
      }
    });
  });
});

describe('leaderboards: own rank from the points histogram', () => {
  let c1: number, c3: number;
  let top: TestUser, tiedX: TestUser, tiedY: TestUser, mid: TestUser, low: TestUser, none: TestUser, far: TestUser;

  before(async () => {
    await resetDb();
    [{ id: c1 }] = await districtCommunities(1);
    [{ id: c3 }] = await districtCommunities(11);
    top = await createUser({ communityId: c1, displayName: 'Top' });
    tiedX = await createUser({ communityId: c1, displayName: 'TiedX' });
    tiedY = await createUser({ communityId: c1, displayName: 'TiedY' });
    mid = await createUser({ communityId: c1, displayName: 'Mid' });
    low = await createUser({ communityId: c1, displayName: 'Low' });
    none = await createUser({ communityId: c1, displayName: 'None' });
    far = await createUser({ districtId: 11, communityId: c3, displayName: 'Far' });
    for (const [who, points] of [[top, 90], [tiedX, 40], [tiedY, 40], [mid, 30], [low, 10], [far, 60]] as const) await grant(who, points);
  });

  const me = async (who: TestUser, query: Record<string, string | number> = {}) =>
    (await api().get('/api/leaderboards/volunteers').query({ limit: 1, ...query }).set(who.auth).expect(200)).body.me as { rank: number; points: number } | null;

  /** The rank by definition, counted on user_period_points: 1 + everyone in scope with more points. */
  async function countedRank(who: TestUser, period: 'week' | 'month' | 'all', districtId?: number): Promise<number> {
    const rows = await db().select().from(userPeriodPoints).where(eq(userPeriodPoints.period, period));
    const scoped = rows.filter((r) => districtId === undefined || r.districtId === districtId);
    const mine = scoped.find((r) => r.userId === who.user.id)?.points ?? 0;
    return 1 + scoped.filter((r) => r.points > mine).length;
  }

  async function expectRanksAsCounted(callers: TestUser[], districtId?: number): Promise<void> {
    for (const period of ['week', 'month', 'all'] as const)
      for (const who of callers) {
        const standing = await me(who, districtId === undefined ? { period } : { period, districtId });
        expect(standing?.rank, `${who.user.displayName}, ${period}, district ${districtId ?? 'all'}`).to.equal(await countedRank(who, period, districtId));
      }
  }

  it('shares a rank between tied volunteers and ranks callers outside the top N', async () => {
    expect(await me(top)).to.deep.include({ rank: 1, points: 90 });
    expect(await me(far)).to.deep.include({ rank: 2, points: 60 });
    expect(await me(tiedX)).to.deep.include({ rank: 3, points: 40 });
    expect(await me(tiedY)).to.deep.include({ rank: 3, points: 40 });
    expect(await me(mid)).to.deep.include({ rank: 5, points: 30 });
    expect(await me(low, { period: 'all' })).to.deep.include({ rank: 6, points: 10 });
    expect(await me(none, { period: 'month' })).to.deep.include({ rank: 7, points: 0 });
    await expectRanksAsCounted([top, tiedX, tiedY, mid, low, none, far]);
  });

  it('moves a volunteer between buckets as more points arrive', async () => {
    await grant(low, 35);
    await grant(tiedY, 1);
    expect(await me(low)).to.deep.include({ rank: 3, points: 45 });
    expect(await me(tiedY)).to.deep.include({ rank: 4, points: 41 });
    expect(await me(tiedX)).to.deep.include({ rank: 5, points: 40 });
    expect(await me(mid)).to.deep.include({ rank: 6, points: 30 });
    await expectRanksAsCounted([top, tiedX, tiedY, mid, low, none, far]);
  });

  it('ranks within the caller’s district from that district’s buckets', async () => {
    expect(await me(top, { districtId: 1 })).to.deep.include({ rank: 1, points: 90 });
    expect(await me(tiedX, { districtId: 1 })).to.deep.include({ rank: 4, points: 40 });
    expect(await me(far, { districtId: 11 })).to.deep.include({ rank: 1, points: 60 });
    expect(await me(none, { districtId: 1 })).to.deep.include({ rank: 6, points: 0 });
    await expectRanksAsCounted([top, tiedX, mid, none], 1);
  });

  it('lowers the rank after a penalty', async () => {
    const before = await me(tiedY);
    await award({ userId: tiedY.user.id, reason: 'false_report_penalty', delta: -20 });
    expect(before).to.deep.include({ rank: 4, points: 41 });
    expect(await me(tiedY)).to.deep.include({ rank: 6, points: 21 });
    expect(await me(tiedY, { districtId: 1 })).to.deep.include({ rank: 5, points: 21 });
    expect(await me(mid)).to.deep.include({ rank: 5, points: 30 });
    await expectRanksAsCounted([top, tiedX, tiedY, mid, low, none, far]);
    await expectRanksAsCounted([tiedY, mid], 1);
  });

  it('carries a volunteer’s points into their new district when they move and earn again', async () => {
    await db().update(users).set({ districtId: 11, communityId: c3 }).where(eq(users.id, mid.user.id));
    await grant(mid, 5);
    expect(await me(mid, { districtId: 11 })).to.deep.include({ rank: 2, points: 35 });
    expect(await me(low, { districtId: 1 })).to.deep.include({ rank: 2, points: 45 });
    expect(await me(tiedY, { districtId: 1 })).to.deep.include({ rank: 4, points: 21 });
    expect(await me(mid)).to.deep.include({ rank: 5, points: 35 });
    await expectRanksAsCounted([top, tiedX, tiedY, low, none], 1);
    await expectRanksAsCounted([mid, far], 11);
    const moved = await db().select().from(periodPointsHistogram).where(eq(periodPointsHistogram.districtId, 1));
    expect(moved.filter((b) => b.points === 30).map((b) => b.users)).to.deep.equal([0, 0, 0]);
  });
});
