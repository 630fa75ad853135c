import { and, eq, gt, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { tips } from '../../db/schema/index';
import type { Actor } from '../../http/actor';

type TipStatus = (typeof tips.$inferSelect)['status'];
export type Priority = (typeof tips.$inferSelect)['priority'];
export type Decision = 'valid' | 'invalid' | 'duplicate' | 'needs_info';

/** Queue sort key, kept in step with tips.priority (higher first). */
export const PRIORITY_RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/** Decisions allowed from each status; valid, invalid and duplicate are final. */
const NEXT: Record<TipStatus, readonly Decision[]> = {
  submitted: ['valid', 'invalid', 'duplicate', 'needs_info'],
  needs_info: ['valid', 'invalid', 'duplicate'],
  valid: [],
  invalid: [],
  duplicate: [],
};

export const canMoveTo = (from: TipStatus, to: Decision) => NEXT[from].includes(to);

/** Tips still waiting for a police decision (claims and decisions apply only to these). */
export const isOpen = (status: TipStatus) => NEXT[status].length > 0;

/** Supervisors (and admins) act on any tip of their scope; officers only on their own or free claims. */
export const canOverrideClaims = (actor: Actor) => actor.role === 'supervisor' || actor.role === 'admin';

type ClaimState = { claimedById: string | null; claimExpiresAt: Date | null };

export const isClaimActive = (t: ClaimState, now: Date) =>
  t.claimedById !== null && t.claimExpiresAt !== null && t.claimExpiresAt.getTime() > now.getTime();

export const isClaimedByOther = (actor: Actor, t: ClaimState, now: Date) =>
  isClaimActive(t, now) && t.claimedById !== actor.id;

/** Officers decide tips that are unclaimed or claimed by themselves; supervisors and admins any. */
export const canDecide = (actor: Actor, t: ClaimState, now: Date) =>
  canOverrideClaims(actor) || !isClaimedByOther(actor, t, now);

/** SQL: the tip has no live claim (never claimed, released, or lapsed). */
export const isUnclaimedSql = (now: Date): SQL =>
  or(isNull(tips.claimedById), isNull(tips.claimExpiresAt), lte(tips.claimExpiresAt, now))!;

/** SQL: the tip is under a live claim by this user. */
export const isClaimedBySql = (userId: string, now: Date): SQL =>
  and(eq(tips.claimedById, userId), isNotNull(tips.claimExpiresAt), gt(tips.claimExpiresAt, now))!;

/** Roughly metres between two points (equirectangular: exact enough within a city). */
export const distanceMetresSql = (lat: number, lng: number): SQL =>
  sql`6371000 * sqrt(power(radians(${tips.lat} - ${lat}), 2) + power(cos(radians((${tips.lat} + ${lat}) / 2)) * radians(${tips.lng} - ${lng}), 2))`;
