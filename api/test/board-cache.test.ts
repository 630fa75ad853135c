import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { and, asc, eq, sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { communities, userPeriodPoints, users } from '../src/db/schema/index';
import { BoardCache, boardCache } from '../src/modules/leaderboards/board-cache';
import { applyPoints } from '../src/modules/points/points.service';
import { createTip, createUser, type TestUser } from './support/factories';
import { api, db, resetDb } from './support/harness';
import { award, grant } from './support/points-helpers';
import { REDIS_URL, redisReachable } from './support/redis';
import { requireService } from './support/services';

type Entry = { displayName: string; points: number; rank: number };
type Board = { computedAt: string; entries: Entry[]; me: { rank: number; points: number } | null };

const board = async (who: TestUser, query: Record<string, string | number> = {}): Promise<Board> =>
  (await api().get('/api/leaderboards/volunteers').query(query).set(who.auth).expect(200)).body as Board;
const communityBoard = async (who: TestUser, query: Record<string, string | number> = {}) =>
  (await api().get('/api/leaderboards/communities').query(query).set(who.auth).expect(200)).body as {
    computedAt: string;
    entries: { community: { id: number }; points: number }[];
  };
/** A name renamed by the first test may still be cached with its suffix: that is the point of the cache. */
const pointsOf = (b: Board, name: string) => b.entries.find((e) => e.displayName.startsWith(name))?.points;

/** The cached top N of the boards (docs/api.md "Leaderboards"): fresh after every change of points, never for one's own rank. */
function boardCacheTests(label: string) {
  describe(label, () => {
    let c1: number, c11: number;
    let near: TestUser, far: TestUser, officer: TestUser;

    before(async () => {
      await resetDb();
      [{ id: c1 }] = await db().select().from(communities).where(eq(communities.districtId, 1)).orderBy(asc(communities.id)).limit(1);
      [{ id: c11 }] = await db().select().from(communities).where(eq(communities.districtId, 11)).orderBy(asc(communities.id)).limit(1);
      near = await createUser({ communityId: c1, displayName: `Near-${randomBytes(3).toString('hex')}` });
      far = await createUser({ districtId: 11, communityId: c11, displayName: `Far-${randomBytes(3).toString('hex')}` });
      officer = await createUser({ role: 'officer' });
      await grant(near, 30);
      await grant(far, 20);
    });

    it('answers the same top N, with the time it was computed, until points change', async () => {
      const first = await board(near);
      expect(Date.parse(first.computedAt)).to.be.within(Date.now() - 60_000, Date.now() + 1000);
      // A display name changed outside the points module: the cached rows still say the old one…
      await db().update(users).set({ displayName: `${near.user.displayName}-renamed` }).where(eq(users.id, near.user.id));
      const again = await board(near);
      expect(again.computedAt).to.equal(first.computedAt);
      expect(again.entries).to.deep.equal(first.entries);
      // …until points change in that board's scope.
      await grant(far, 1);
      const after = await board(near);
      expect(after.computedAt >= first.computedAt).to.equal(true);
      expect(after.entries.map((e) => e.displayName)).to.include(`${near.user.displayName}-renamed`);
      expect(pointsOf(after, far.user.displayName)).to.equal(21);
      await db().update(users).set({ displayName: near.user.displayName }).where(eq(users.id, near.user.id));
    });

    it('shows points awarded by a triage decision on the very next request, on every board of the scope', async () => {
      const before = await Promise.all([board(near), board(near, { districtId: 1 }), board(near, { communityId: c1, period: 'month' })]);
      const community = await communityBoard(near, { period: 'all' });
      const tip = await createTip(near);
      await api().post(`/api/tips/${tip.tip.id}/triage`).set(officer.auth).send({ decision: 'valid' }).expect(200);
      const after = await Promise.all([board(near), board(near, { districtId: 1 }), board(near, { communityId: c1, period: 'month' })]);
      for (const [i, b] of after.entries()) {
        expect(pointsOf(b, near.user.displayName), `board ${i}`).to.equal(pointsOf(before[i], near.user.displayName)! + 10);
        expect(b.me?.points).to.equal(pointsOf(b, near.user.displayName));
      }
      const communityAfter = await communityBoard(near, { period: 'all' });
      const mine = (x: typeof community) => x.entries.find((e) => e.community.id === c1)!.points;
      expect(mine(communityAfter)).to.equal(mine(community) + 10);
    });

    it('keeps another district’s cached board when points change elsewhere, and the caller’s own standing exact', async () => {
      const here = await board(far, { districtId: 11 });
      await award({ userId: near.user.id, reason: 'adjustment', delta: 100, note: 'board cache test' });
      const hereAgain = await board(far, { districtId: 11 });
      expect(hereAgain.computedAt).to.equal(here.computedAt);
      // The city-wide board moved: far's own rank is exact at once (near passed nobody new, far is second).
      const city = await board(far);
      expect(city.entries[0].displayName).to.equal(near.user.displayName);
      expect(city.me).to.deep.include({ rank: 2, points: 21 });
    });

    it('keeps the caller’s own standing only until an award in the board’s scope, wherever it lands', async () => {
      const first = await board(far, { period: 'all' });
      expect(first.me).to.not.equal(null);
      const ownRow = and(eq(userPeriodPoints.userId, far.user.id), eq(userPeriodPoints.period, 'all'));
      // Points changed outside the points module (no award): the kept standing is served…
      await db().update(userPeriodPoints).set({ points: sql`${userPeriodPoints.points} + 1000` }).where(ownRow);
      try {
        expect((await board(far, { period: 'all' })).me).to.deep.equal(first.me);
        // …until anyone's award in the city moves the city-wide board: then it is read anew.
        await grant(near, 1);
        const after = await board(far, { period: 'all' });
        expect(after.me?.points).to.equal(first.me!.points + 1000);
      } finally {
        await db().update(userPeriodPoints).set({ points: sql`${userPeriodPoints.points} - 1000` }).where(ownRow);
      }
      await grant(near, 1);
      expect((await board(far, { period: 'all' })).me).to.deep.include({ points: first.me!.points });
    });

    it('does not drop a board for a transaction that rolled back', async () => {
      const first = await board(near, { period: 'all' });
      const failed = await db()
        .transaction(async (tx) => {
          await applyPoints(tx, { userId: near.user.id, reason: 'adjustment', delta: 5, note: 'rolled back' });
          throw new Error('rollback');
        })
        .catch((err: Error) => err.message);
      expect(failed).to.equal('rollback');
      const again = await board(near, { period: 'all' });
      expect(again.computedAt).to.equal(first.computedAt);
      expect(pointsOf(again, near.user.displayName)).to.equal(pointsOf(first, near.user.displayName));
    });
  });
}

describe('leaderboards: the cached top N', () => {
  boardCacheTests('in this process');

  describe('in Redis (REDIS_URL), shared by every instance', () => {
    const prefix = `hy-board-test-${randomBytes(4).toString('hex')}`;

    before(async function () {
      requireService(this, `Redis at ${REDIS_URL}`, await redisReachable(REDIS_URL));
      boardCache.configure({ redisUrl: REDIS_URL, prefix });
    });

    after(async () => {
      boardCache.configure({});
      const redis = new Redis(REDIS_URL);
      try {
        const keys = await redis.keys(`${prefix}:*`);
        if (keys.length) await redis.del(...keys);
      } finally {
        await redis.quit();
      }
    });

    boardCacheTests('through the API');

    it('serves another instance the stored top N, and drops it for every instance on a change', async () => {
      const other = new BoardCache();
      other.configure({ redisUrl: REDIS_URL, prefix });
      try {
        const key = { version: `test|${prefix}`, entry: `test|${prefix}|top` };
        const computed = await boardCache.top(key, async () => [{ points: 1 }]);
        const shared = await other.top(key, () => Promise.reject(new Error('computed again')));
        expect(shared).to.deep.equal(computed);
        const redis = new Redis(REDIS_URL);
        try {
          expect(await redis.pttl(`${prefix}:top:${key.entry}`)).to.be.within(1, 5_000);
        } finally {
          await redis.quit();
        }
        boardCache.invalidate([key.version]);
        await new Promise((resolve) => setTimeout(resolve, 50));
        const fresh = await other.top(key, async () => [{ points: 2 }]);
        expect(fresh.rows).to.deep.equal([{ points: 2 }]);
      } finally {
        await other.close();
      }
    });
  });
});
