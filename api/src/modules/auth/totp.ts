import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { verify } from 'otplib';
import { db, type DbOrTx } from '../../db/client';
import { users } from '../../db/schema/index';
import { AppError } from '../../http/errors';
import { clock } from '../../lib/clock';
import { decryptPii } from '../../lib/pii';

type UserRow = typeof users.$inferSelect;

/** RFC 6238 as authenticator apps expect it: SHA-1, 6 digits, 30 s steps (otplib's defaults). */
const PERIOD_S = 30;

/**
 * The time step a code belongs to, or null. One step either side is accepted (a phone clock a
 * little off, a code typed as it changes); a step at or before `lastStep` never is (replay).
 */
export async function stepOf(secret: string, code: string, lastStep: number | null): Promise<number | null> {
  const result = await verify({ secret, token: code, epoch: Math.floor(clock.nowMs() / 1000), epochTolerance: PERIOD_S }).catch(
    () => ({ valid: false as const }),
  );
  if (!result.valid || !('timeStep' in result)) return null;
  return lastStep !== null && result.timeStep <= lastStep ? null : result.timeStep;
}

/**
 * Records `step` as the last one used, only if it is later than the recorded one: one conditional
 * UPDATE, so the same code sent twice at once is accepted once.
 */
export async function spendStep(tx: DbOrTx, userId: string, step: number, changes: Partial<UserRow> = {}): Promise<UserRow | null> {
  const [row] = await tx
    .update(users)
    .set({ ...changes, totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning();
  return row ?? null;
}

/**
 * The second factor of a sign-in, checked only after the password was right (so the answer tells
 * nothing to someone who does not know it). A code is accepted once.
 */
export async function checkSignInCode(user: UserRow, code: string | undefined): Promise<void> {
  if (!user.totpEnabledAt || !user.totpSecretEnc) return;
  if (!code) throw new AppError('TOTP_REQUIRED', 'Enter the 6-digit code from your authenticator app');
  const step = await stepOf(decryptPii(user.totpSecretEnc), code, user.totpLastStep);
  if (step === null || !(await spendStep(db, user.id, step)))
    throw new AppError('TOTP_INVALID', 'The code is wrong, expired or already used');
}
