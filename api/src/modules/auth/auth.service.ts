import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { db, type DbOrTx } from '../../db/client';
import { prepared } from '../../db/prepared';
import { communities, refreshTokens, users } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { AppError, notFound, validationError } from '../../http/errors';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import { hashRefreshToken, newRefreshToken, REFRESH_TTL_DAYS, signAccessToken } from './tokens';
import { normalizePhone, type LoginInput, type RegisterInput } from '@hy/schemas/auth';
import { checkSignInCode } from './totp';

type UserRow = typeof users.$inferSelect;

export const actorOf = (u: UserRow): Actor => ({
  id: u.id,
  role: u.role,
  districtId: u.districtId,
  communityId: u.communityId,
  unitId: u.unitId,
  epoch: u.tokenEpoch,
  mustChangePassword: u.mustChangePassword,
  isTotpEnrolled: u.totpEnabledAt !== null,
});

export type Session = { user: UserRow; accessToken: string; refreshToken: string };

export async function startSession(tx: DbOrTx, user: UserRow, familyId: string = randomUUID()): Promise<Session> {
  const { token, hash } = newRefreshToken();
  await tx.insert(refreshTokens).values({
    userId: user.id,
    tokenHash: hash,
    familyId,
    expiresAt: new Date(Date.now() + REFRESH_TTL_DAYS * 86_400_000),
  });
  return { user, accessToken: signAccessToken(actorOf(user)), refreshToken: token };
}

export async function register(input: RegisterInput): Promise<Session> {
  const problem = passwordProblem(input.password, input.phone);
  if (problem) throw validationError([{ field: 'password', message: problem }]);
  const [community] = await db.select().from(communities).where(eq(communities.id, input.communityId));
  if (!community) throw validationError([{ field: 'communityId', message: 'no such community' }]);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        phone: input.phone,
        passwordHash,
        displayName: input.displayName,
        role: 'volunteer',
        communityId: community.id,
        districtId: community.districtId,
      })
      .onConflictDoNothing({ target: users.phone })
      .returning();
    if (!user) throw new AppError('PHONE_TAKEN', 'This phone number is already registered', { field: 'phone' });
    await tx
      .update(communities)
      .set({ memberCount: sql`${communities.memberCount} + 1` })
      .where(eq(communities.id, community.id));
    return startSession(tx, user);
  });
}

/** Verified against when the phone is unknown, so both failures take the same time. */
let dummyHash: Promise<string> | undefined;

export async function login(input: LoginInput): Promise<Session> {
  const phone = normalizePhone(input.phone);
  const [user] = await db.select().from(users).where(eq(users.phone, phone));
  dummyHash ??= hashPassword('not-a-real-password-at-all');
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  if (!user || !ok || user.disabledAt) throw new AppError('UNAUTHENTICATED', 'Wrong phone number or password');
  await checkSignInCode(user, input.totp);
  return startSession(db, user);
}

const invalidRefresh = () => new AppError('UNAUTHENTICATED', 'Refresh token is invalid or expired; sign in again');

/**
 * Rotates a refresh token. The spend is one conditional UPDATE, so two concurrent uses of the
 * same token cannot both succeed; presenting a spent token revokes its whole family.
 */
export async function refresh(token: string): Promise<Session> {
  const hash = hashRefreshToken(token);
  const outcome = await db.transaction(async (tx) => {
    const [spent] = await tx
      .update(refreshTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(refreshTokens.tokenHash, hash),
          isNull(refreshTokens.usedAt),
          isNull(refreshTokens.revokedAt),
          gt(refreshTokens.expiresAt, new Date()),
        ),
      )
      .returning();
    if (!spent) {
      const [known] = await tx.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hash));
      if (known?.usedAt) {
        await tx
          .update(refreshTokens)
          .set({ revokedAt: new Date() })
          .where(and(eq(refreshTokens.familyId, known.familyId), isNull(refreshTokens.revokedAt)));
        return 'reused' as const;
      }
      return null;
    }
    const [user] = await tx.select().from(users).where(eq(users.id, spent.userId));
    if (!user || user.disabledAt) return null;
    return startSession(tx, user, spent.familyId);
  });
  // The family revocation above must commit, so the 401 is thrown after the transaction.
  if (!outcome || outcome === 'reused') throw invalidRefresh();
  return outcome;
}

/** Revokes the token's family (sign out on this device). Unknown tokens are ignored. */
export async function logout(token: string): Promise<void> {
  const [known] = await db
    .select({ familyId: refreshTokens.familyId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashRefreshToken(token)));
  if (!known) return;
  await db
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshTokens.familyId, known.familyId), isNull(refreshTokens.revokedAt)));
}

/** Every signed-in page asks for `GET /api/me`: prepared (db/prepared). */
const userById = prepared('auth_user_by_id', (db, name) =>
  db
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare(name),
);

export async function getUser(id: string): Promise<UserRow> {
  const [user] = await userById().execute({ id });
  if (!user) throw notFound('User');
  return user;
}
