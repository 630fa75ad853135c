/**
 * The points vocabulary without zod: the ledger's reasons and the leaderboard periods (the
 * database enums points_reason and period are made from these lists), for the server, its schemas
 * and the web. The point values themselves are configuration (api points.rules.ts, POINTS_*).
 */

export const POINTS_REASONS = [
  'tip_validated',
  'tip_priority_bonus',
  'case_solved_bonus',
  'false_report_penalty',
  'redemption',
  'redemption_refund',
  'adjustment',
  /** Undoes one earlier entry (compensatesId) when a police decision is reversed. */
  'reversal',
  /** Attending a campaign (modules/campaigns): once per (volunteer, campaign). */
  'campaign',
] as const;
export type PointsReason = (typeof POINTS_REASONS)[number];

/** Leaderboard periods: the current week and month (Asia/Shanghai) and all time. */
export const PERIODS = ['week', 'month', 'all'] as const;
export type Period = (typeof PERIODS)[number];

/** An admin adjustment's reason, in characters after cleaning. */
export const ADJUSTMENT_REASON_LENGTH = { min: 5, max: 500 } as const;
