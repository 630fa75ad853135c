import { and, eq, gt, isNotNull, isNull, lte, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { tips } from '../../db/schema/index';
import type { Actor } from '../../http/actor';


/** Supervisors (and admins) act on any tip of their scope; officers only on their own or free claims. */
export const canOverrideClaims = (actor: Actor) => actor.role === 'supervisor' || actor.role === 'admin';

type ClaimState = { claimedById: string | null; claimExpiresAt: Date | null };

export const isClaimActive = (t: ClaimState, now: Date) =>
  t.claimedById !== null && t.claimExpiresAt !== null && t.claimExpiresAt.getTime() > now.getTime();

export const isClaimedByOther = (actor: Actor, t: ClaimState, now: Date) =>
  isClaimActive(t, now) && t.claimedById !== actor.id;

/** SQL: the tip has no live claim (never claimed, released, or lapsed). */
export const isUnclaimedSql = (now: Date | SQLWrapper): SQL =>
  or(isNull(tips.claimedById), isNull(tips.claimExpiresAt), lte(tips.claimExpiresAt, now))!;

/** SQL: the tip is under a live claim by this user. */
export const isClaimedBySql = (userId: string | SQLWrapper, now: Date | SQLWrapper): SQL =>
  and(eq(tips.claimedById, userId), isNotNull(tips.claimExpiresAt), gt(tips.claimExpiresAt, now))!;

/** Roughly metres between two points (equirectangular: exact enough within a city). */
export const distanceMetresSql = (lat: number, lng: number): SQL =>
  sql`6371000 * sqrt(power(radians(${tips.lat} - ${lat}), 2) + power(cos(radians((${tips.lat} + ${lat}) / 2)) * radians(${tips.lng} - ${lng}), 2))`;

/**
 * SQL: the tip's latest on-site check is in that state. `verification_status` is non-null in each
 * case, so the planner walks the partial tips_queue_verification_idx (district, status,
 * verification status, queue order) — only tips ever checked, never the whole district.
 */
export function verificationFilterSql(state: 'pending' | 'overdue' | 'reported', now: Date | SQLWrapper): SQL {
  if (state === 'reported') return eq(tips.verificationStatus, 'reported');
  return and(eq(tips.verificationStatus, 'open'), state === 'pending' ? gt(tips.verificationDueAt, now) : lte(tips.verificationDueAt, now))!;
}
