import { createHash, createHmac, createSecretKey, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
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
  verified.clear();
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

type Json = Record<string, unknown>;

/** A base64url JSON object, or null for anything else (bad encoding, bad JSON, an array, a string). */
function jsonObject(part: string): Json | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}

/**
 * The claims of a token this server signed, or null. Written out rather than through
 * jsonwebtoken (issue 12: its option cloning, key-type checks and stream-based decoding were a
 * few per cent of a request's CPU): the header is pinned (HS256, typ JWT), the signature is the
 * base64url text of the HMAC-SHA256 of `header.payload` under the KeyObject and is compared in
 * constant time, as text, so no other encoding of the same bytes passes; then, as jsonwebtoken
 * checked them: `nbf` not in the future and `exp` in the future (both numbers; `exp` required:
 * every token we sign has one), issuer and audience ours.
 */
function verifiedClaims(token: string, nowSeconds: number): Json | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [headerPart, payloadPart, signaturePart] = parts;
  const expected = Buffer.from(createHmac('sha256', key()).update(`${headerPart}.${payloadPart}`).digest('base64url'));
  const given = Buffer.from(signaturePart);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const header = jsonObject(headerPart);
  if (header?.alg !== 'HS256' || header.typ !== 'JWT') return null;
  const claims = jsonObject(payloadPart);
  if (!claims) return null;
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > nowSeconds)) return null;
  if (typeof claims.exp !== 'number' || nowSeconds >= claims.exp) return null;
  if (claims.iss !== ISSUER) return null;
  const audiences = Array.isArray(claims.aud) ? (claims.aud as unknown[]) : [claims.aud];
  if (!audiences.includes(AUDIENCE)) return null;
  return claims;
}

/**
 * Tokens whose signature was already checked, with their actor and time window: a session presents
 * the same token on every request for its 15 minutes, so the HMAC, the base64 and JSON decoding
 * run once per token instead of once per request (issue 14: 5 % of a cached board request). Keyed
 * by the whole token text, so only the very bytes that were verified match; the time window is
 * checked on every use, revocation (token epochs) by the caller as before. Bounded: the oldest
 * go first.
 */
const verified = new Map<string, { actor: Actor; nbf: number; exp: number }>();
const MAX_VERIFIED = 50_000;

/** Verifies with a pinned algorithm, issuer and audience; returns null for any bad token. */
export function verifyAccessToken(token: string, now = Math.floor(Date.now() / 1000)): Actor | null {
  // Real time, as jsonwebtoken signs `iat`/`exp` with it (tests that move the clock keep their tokens).
  const known = verified.get(token);
  if (known) {
    if (known.nbf <= now && now < known.exp) return { ...known.actor };
    verified.delete(token);
    return null;
  }
  const payload = verifiedClaims(token, now);
  const actor = payload && actorOfClaims(payload);
  if (!payload || !actor) return null;
  if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value!);
  verified.set(token, { actor: { ...actor }, nbf: typeof payload.nbf === 'number' ? payload.nbf : -Infinity, exp: payload.exp as number });
  return actor;
}

function actorOfClaims(payload: Json): Actor | null {
  if (typeof payload.sub !== 'string') return null;
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
}

/** Opaque refresh token (256 bits); only its sha256 is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');
