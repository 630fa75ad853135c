import { asc, eq, sql } from 'drizzle-orm';
import { communities, policeUnits, users } from '../../src/db/schema/index';
import type { Actor, Role } from '../../src/http/actor';
import { actorOf } from '../../src/modules/auth/auth.service';
import { hashPassword } from '../../src/modules/auth/passwords';
import { signAccessToken } from '../../src/modules/auth/tokens';
import { submitTip } from '../../src/modules/tips/tips.service';
import type { CreateTip } from '@hy/schemas/tips';
import { db } from './harness';

export const PASSWORD = 'Tr1cky-passw0rd';
let passwordHash: Promise<string> | undefined;
let phoneSeq = Math.floor(Math.random() * 1_000_000);

/** A fresh, unused mainland mobile number. */
export const nextPhone = () => `139${String(phoneSeq++ % 100_000_000).padStart(8, '0')}`;

export type TestUser = {
  user: typeof users.$inferSelect;
  actor: Actor;
  phone: string;
  password: string;
  token: string;
  /** `Authorization` header for supertest's `.set(...)`. */
  auth: { Authorization: string };
};

export async function firstCommunity(districtId: number) {
  const [c] = await db().select().from(communities).where(eq(communities.districtId, districtId)).orderBy(asc(communities.code)).limit(1);
  return c;
}

/**
 * A user of the role, in the district (police: a unit of it; volunteers, organizers and auxiliaries:
 * its first community unless `communityId` is given). District 1 is 雁峰区, 11 耒阳市.
 */
export async function createUser(
  opts: { role?: Role; districtId?: number | null; communityId?: number; displayName?: string } = {},
): Promise<TestUser> {
  const role = opts.role ?? 'volunteer';
  const districtId = opts.districtId === undefined ? (role === 'admin' ? null : 1) : opts.districtId;
  passwordHash ??= hashPassword(PASSWORD);
  const community =
    role === 'volunteer' || role === 'organizer' || role === 'auxiliary'
      ? opts.communityId
        ? (await db().select().from(communities).where(eq(communities.id, opts.communityId)))[0]
        : districtId
          ? await firstCommunity(districtId)
          : undefined
      : undefined;
  const [unit] =
    (role === 'officer' || role === 'supervisor') && districtId
      ? await db().select().from(policeUnits).where(eq(policeUnits.districtId, districtId)).orderBy(asc(policeUnits.id)).limit(1)
      : [];
  const phone = nextPhone();
  const [user] = await db()
    .insert(users)
    .values({
      phone,
      passwordHash: await passwordHash,
      displayName: opts.displayName ?? `${role}-${phone.slice(-4)}`,
      role,
      communityId: community?.id ?? null,
      districtId: community?.districtId ?? districtId,
      unitId: unit?.id ?? null,
    })
    .returning();
  if (role === 'volunteer' && community) {
    // as registration does: per-capita leaderboards divide by it
    await db()
      .update(communities)
      .set({ memberCount: sql`${communities.memberCount} + 1` })
      .where(eq(communities.id, community.id));
  }
  const actor = actorOf(user);
  const token = signAccessToken(actor);
  return { user, actor, phone, password: PASSWORD, token, auth: { Authorization: `Bearer ${token}` } };
}

export const validTipInput = (overrides: Partial<CreateTip> = {}): CreateTip => ({
  category: 'drugs',
  description: '小区北门每天晚上有人交易可疑物品，已经持续一周。',
  occurredAt: new Date(Date.now() - 3600_000),
  lat: 26.8936,
  lng: 112.5719,
  address: '雁峰区先锋路88号',
  districtId: 1,
  ...overrides,
});

/** A tip through the real service (no HTTP), by a volunteer or anonymously (reporter = null). */
export async function createTip(reporter: TestUser | null, overrides: Partial<CreateTip> = {}) {
  const result = await submitTip({
    actor: reporter?.actor,
    input: validTipInput(overrides),
    photos: [],
    idempotencyKey: undefined,
  });
  return result.body as { tip: { id: string; reference: string; status: string }; accessCode?: string };
}
