import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { roleEnum } from '../../db/schema/users';
import type { Actor, Role } from '../../http/actor';

export const ISSUER = 'hengyang-masses';
export const AUDIENCE = 'hengyang-masses-api';
export const ACCESS_TTL_SECONDS = 15 * 60;
export const REFRESH_TTL_DAYS = 30;

/** `ep`: the user's token epoch; `pwc`: present (true) only while a temporary password must be changed;
 * `tfa`: present (true) when two-factor sign-in was on at issue (STAFF_TOTP=required gates on it). */
type Claims = { role: Role; did: number | null; cid: number | null; uid: number | null; ep: number; pwc?: true; tfa?: true };

/**
 * Held as a KeyObject: given a string, jsonwebtoken first tries it as a public key and catches the
 * failure on every verify, which was 7 % of the CPU of a tip submission in the benchmark.
 * The key bytes are the same, so tokens signed either way verify either way.
 */
let secret: KeyObject | undefined;
export function setJwtSecret(value: string): void {
  secret = createSecretKey(Buffer.from(value, 'utf8'));
}
function key(): KeyObject {
  if (!secret) throw new Error('JWT secret not configured');
  return secret;
}

export function signAccessToken(actor: Actor): string {
  const claims: Claims = {
    role: actor.role,
    did: actor.districtId,
    cid: actor.communityId,
    uid: actor.unitId,
    ep: actor.epoch,
    ...(actor.mustChangePassword ? { pwc: true as const } : {}),
    ...(actor.isTotpEnrolled ? { tfa: true as const } : {}),
  };
  return jwt.sign(claims, key(), {
    algorithm: 'HS256',
    expiresIn: ACCESS_TTL_SECONDS,
    issuer: ISSUER,
    audience: AUDIENCE,
    subject: actor.id,
  });
}

const ROLES: readonly Role[] = roleEnum.enumValues;
const intOrNull = (v: unknown) => (Number.isInteger(v) ? (v as number) : null);

/** Verifies with a pinned algorithm, issuer and audience; returns null for any bad token. */
export function verifyAccessToken(token: string): Actor | null {
  try {
    const payload = jwt.verify(token, key(), { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    if (typeof payload === 'string' || typeof payload.sub !== 'string') return null;
    const role = payload.role as Role;
    if (!ROLES.includes(role)) return null;
    return {
      id: payload.sub,
      role,
      districtId: intOrNull(payload.did),
      communityId: intOrNull(payload.cid),
      unitId: intOrNull(payload.uid),
      // tokens issued before epochs existed carry none: epoch 0, the column's default
      epoch: intOrNull(payload.ep) ?? 0,
      mustChangePassword: payload.pwc === true,
      isTotpEnrolled: payload.tfa === true,
    };
  } catch {
    return null;
  }
}

/** Opaque refresh token (256 bits); only its sha256 is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');
