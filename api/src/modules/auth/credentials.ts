import { randomInt } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db, type Tx } from '../../db/client';
import { refreshTokens, users } from '../../db/schema/index';
import { notFound } from '../../http/errors';
import { clock } from '../../lib/clock';
import { hashPassword } from './passwords';
import { tokenEpochs } from './token-epochs';

/** No 0/O, 1/l/I: read aloud or off a screen without mistakes. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/**
 * A temporary password: 12 characters from 56 (≈ 70 bits) in groups of four (`k7Qm-x9Tp-R4wz`),
 * from the CSPRNG. Shown once to whoever created or reset the account; it must be changed at the
 * first sign-in, so it only ever opens the change-password step.
 */
export function temporaryPassword(): string {
  return Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  ).join('-');
}

export async function newTemporaryCredential(): Promise<{ password: string; passwordHash: string }> {
  const password = temporaryPassword();
  return { password, passwordHash: await hashPassword(password) };
}

export type Revocation = { userId: string; epoch: number; at: Date };

/**
 * Revokes every access token of the user already issued (epoch + 1) and, with `sessions`, every
 * refresh token too. Call `announce` with the result once the transaction has committed
 * (`revokingTransaction` does), never before: a rolled-back revocation must not refuse tokens.
 */
export async function revokeTokens(tx: Tx, userId: string, opts: { sessions: boolean }): Promise<Revocation> {
  const at = clock.now();
  const [row] = await tx
    .update(users)
    .set({ tokenEpoch: sql`${users.tokenEpoch} + 1`, tokenEpochChangedAt: at })
    .where(eq(users.id, userId))
    .returning({ epoch: users.tokenEpoch });
  if (!row) throw notFound('User');
  if (opts.sessions) {
    await tx
      .update(refreshTokens)
      .set({ revokedAt: at })
      .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
  }
  return { userId, epoch: row.epoch, at };
}

/**
 * Runs `work` in one transaction; the token revocations it makes through `revoke` take effect in
 * this process (and are announced to the others) right after the commit.
 */
export async function revokingTransaction<T>(
  work: (tx: Tx, revoke: (userId: string, opts: { sessions: boolean }) => Promise<Revocation>) => Promise<T>,
): Promise<T> {
  const done: Revocation[] = [];
  const result = await db.transaction((tx) => {
    done.length = 0; // a deadlock victim is run again: keep only the attempt that commits
    return work(tx, async (userId, opts) => {
      const r = await revokeTokens(tx, userId, opts);
      done.push(r);
      return r;
    });
  });
  for (const r of done) tokenEpochs.changed(r.userId, r.epoch, r.at);
  return result;
}

/** Replaces the user's password with a temporary one (hashed beforehand) that must be changed; signs them out everywhere. */
export async function setTemporaryPassword(
  tx: Tx,
  revoke: (userId: string, opts: { sessions: boolean }) => Promise<Revocation>,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await tx.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, userId));
  await revoke(userId, { sessions: true });
}
