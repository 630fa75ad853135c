import { eq } from 'drizzle-orm';
import { rewards, users } from '../../src/db/schema/index';
import { actorOf } from '../../src/modules/auth/auth.service';
import { signAccessToken } from '../../src/modules/auth/tokens';
import { applyPoints, type PointsEntry, type PointsOutcome } from '../../src/modules/points/points.service';
import type { TestUser } from './factories';
import { db } from './harness';

/** Points through the real ledger path, in a transaction of its own (as triage would). */
export function award(entry: PointsEntry): Promise<PointsOutcome> {
  return db().transaction((tx) => applyPoints(tx, entry));
}

/** A starting balance for a volunteer (an admin-style adjustment, uncapped). */
export const grant = (user: TestUser, points: number) => award({ userId: user.user.id, reason: 'adjustment', delta: points, note: 'test grant' });

export async function balanceOf(user: TestUser): Promise<number> {
  const [u] = await db().select({ b: users.pointsBalance }).from(users).where(eq(users.id, user.user.id));
  return u.b;
}

/** A reward straight in the table (catalogue management has its own tests). */
export async function makeReward(overrides: Partial<typeof rewards.$inferInsert> = {}) {
  const [r] = await db()
    .insert(rewards)
    .values({ nameZh: '测试奖品', nameEn: 'Test reward', cost: 20, stock: 10, ...overrides })
    .returning();
  return r;
}

/** Turns an organizer into a district organizer (district set, no community) with a fresh token. */
export async function asDistrictOrganizer(organizer: TestUser, districtId: number): Promise<TestUser> {
  const [user] = await db().update(users).set({ communityId: null, districtId }).where(eq(users.id, organizer.user.id)).returning();
  const actor = actorOf(user);
  const token = signAccessToken(actor);
  return { ...organizer, user, actor, token, auth: { Authorization: `Bearer ${token}` } };
}
