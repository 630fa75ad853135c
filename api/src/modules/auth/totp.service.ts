import { eq } from 'drizzle-orm';
import { generateSecret, generateURI } from 'otplib';
import QRCode from 'qrcode';
import { db, type DbOrTx } from '../../db/client';
import { users } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { conflict, forbidden, notFound, validationError } from '../../http/errors';
import { clock } from '../../lib/clock';
import { decryptPii, encryptPii } from '../../lib/pii';
import { audit } from '../audit/audit.service';
import { startSession, type Session } from './auth.service';
import { revokingTransaction } from './credentials';
import { spendStep, stepOf } from './totp';
import { mayUseTotp } from './totp.policy';

const ISSUER = '衡阳群众 Hengyang Masses';

type UserRow = typeof users.$inferSelect;

/** The row after the revocation bumped its token epoch, for the new session's tokens. */
async function reread(tx: DbOrTx, id: string): Promise<UserRow> {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  return row;
}

const wrongCode = () => validationError([{ field: 'code', message: 'is wrong, expired or already used' }], 'The code is not valid');

async function lockUser(tx: DbOrTx, actor: Actor): Promise<UserRow> {
  const [user] = await tx.select().from(users).where(eq(users.id, actor.id)).for('update');
  if (!user) throw notFound('User');
  if (!mayUseTotp(user.role)) throw forbidden('Two-factor sign-in is for staff accounts');
  return user;
}

export type TotpSetup = { secret: string; otpauthUrl: string; qrCode: string };

/**
 * Issues a new secret, kept pending (encrypted) until a code from it confirms the enrolment.
 * The secret is shown this once; a second setup replaces it.
 */
export async function setupTotp(actor: Actor): Promise<TotpSetup> {
  const secret = generateSecret();
  const user = await db.transaction(async (tx) => {
    const row = await lockUser(tx, actor);
    if (row.totpEnabledAt) throw conflict('Two-factor sign-in is already on; turn it off first to enrol a new device');
    await tx.update(users).set({ totpPendingSecretEnc: encryptPii(secret) }).where(eq(users.id, row.id));
    return row;
  });
  const otpauthUrl = generateURI({ issuer: ISSUER, label: user.phone, secret });
  const svg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUrl, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/**
 * Confirms the pending secret with a code from it; from now on sign-in needs a code. Every
 * session opened the old way ends (refresh and access tokens); the caller gets a new pair.
 */
export async function enableTotp(actor: Actor, code: string): Promise<Session> {
  return revokingTransaction(async (tx, revoke) => {
    const user = await lockUser(tx, actor);
    if (user.totpEnabledAt) throw conflict('Two-factor sign-in is already on');
    if (!user.totpPendingSecretEnc) throw conflict('Start the set-up first: no secret is waiting for confirmation');
    const step = await stepOf(decryptPii(user.totpPendingSecretEnc), code, null);
    if (step === null) throw wrongCode();
    const [enabled] = await tx
      .update(users)
      .set({ totpSecretEnc: user.totpPendingSecretEnc, totpPendingSecretEnc: null, totpEnabledAt: clock.now(), totpLastStep: step })
      .where(eq(users.id, user.id))
      .returning();
    await audit(tx, { actor, action: 'auth.totp_enabled', entityType: 'user', entityId: user.id, districtId: user.districtId });
    await revoke(user.id, { sessions: true });
    return startSession(tx, await reread(tx, enabled.id));
  });
}

/** Turns two-factor sign-in off; it takes a current code, so a stolen session alone cannot. Other sessions end. */
export async function disableTotp(actor: Actor, code: string): Promise<Session> {
  return revokingTransaction(async (tx, revoke) => {
    const user = await lockUser(tx, actor);
    if (!user.totpEnabledAt || !user.totpSecretEnc) throw conflict('Two-factor sign-in is not on');
    const step = await stepOf(decryptPii(user.totpSecretEnc), code, user.totpLastStep);
    const disabled =
      step === null ? null : await spendStep(tx, user.id, step, { totpSecretEnc: null, totpPendingSecretEnc: null, totpEnabledAt: null });
    if (!disabled) throw wrongCode();
    await audit(tx, { actor, action: 'auth.totp_disabled', entityType: 'user', entityId: user.id, districtId: user.districtId });
    await revoke(user.id, { sessions: true });
    return startSession(tx, await reread(tx, disabled.id));
  });
}

