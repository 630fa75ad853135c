import { and, eq, gt, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { rewards } from '../../db/schema/index';

type RewardWindow = { isActive: boolean; activeFrom: Date | null; activeUntil: Date | null };

/** Offered right now: switched on and inside its window (from inclusive, until exclusive). */
export const isOffered = (r: RewardWindow, at: Date = new Date()) =>
  r.isActive && (!r.activeFrom || r.activeFrom <= at) && (!r.activeUntil || at < r.activeUntil);

/** Rewards a volunteer of the community may see: city-wide ones and their own community's. */
export function rewardsOfferedTo(communityId: number | null): SQL {
  return communityId === null ? isNull(rewards.communityId) : or(isNull(rewards.communityId), eq(rewards.communityId, communityId))!;
}

/** SQL form of isOffered, for the catalogue query. */
export function offeredNow(at: Date = new Date()): SQL {
  return and(
    eq(rewards.isActive, true),
    or(isNull(rewards.activeFrom), lte(rewards.activeFrom, at)),
    or(isNull(rewards.activeUntil), gt(rewards.activeUntil, at)),
  ) ?? sql`true`;
}
