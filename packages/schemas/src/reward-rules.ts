/**
 * The reward rules a page needs before it sends, without zod: the limits of a reward's fields and
 * the statuses of a redemption. The schemas (rewards.ts) and the database enum redemption_status
 * read the same constants.
 */

export const REWARD_LIMITS = {
  /** Characters of each name (zh, en) after cleaning. */
  name: 100,
  /** Characters of each description (zh, en) after cleaning. */
  description: 1000,
  cost: { min: 1, max: 100_000 },
  stock: { min: 0, max: 1_000_000 },
  /** Characters of an organizer's note on a redemption. */
  note: 500,
} as const;

/** A redemption waits for its organizer, then is handed out or rejected (points refunded). */
export const REDEMPTION_STATUSES = ['pending', 'fulfilled', 'rejected'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];
