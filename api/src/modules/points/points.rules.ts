import { adjustPointsWithin, type AdjustPoints as AdjustPointsInput } from '@hy/schemas/points';
import type { PointsReason } from '@hy/schemas/points-rules';
import { z } from 'zod';

/**
 * Point values: the contract's defaults, overridable by environment (POINTS_*), in this one place.
 * A validated tip earns `tipValidated`; high/urgent priority adds `priorityBonus` (10 + 10 = 20).
 */
const Rules = z.object({
  POINTS_TIP_VALIDATED: z.coerce.number().int().min(0).max(1000).default(10),
  POINTS_PRIORITY_BONUS: z.coerce.number().int().min(0).max(1000).default(10),
  POINTS_CASE_SOLVED: z.coerce.number().int().min(0).max(10000).default(50),
  POINTS_FALSE_REPORT_PENALTY: z.coerce.number().int().min(0).max(10000).default(20),
  POINTS_DAILY_CAP: z.coerce.number().int().min(0).max(100000).default(100),
  POINTS_MAX_ADJUSTMENT: z.coerce.number().int().min(1).max(100000).default(1000),
});

const env = Rules.parse(process.env);

export const POINT_RULES = {
  tipValidated: env.POINTS_TIP_VALIDATED,
  priorityBonus: env.POINTS_PRIORITY_BONUS,
  caseSolved: env.POINTS_CASE_SOLVED,
  falseReportPenalty: env.POINTS_FALSE_REPORT_PENALTY,
  dailyCap: env.POINTS_DAILY_CAP,
  /** An admin adjustment moves at most this many points either way (a typo must not mint 10^6). */
  maxAdjustment: env.POINTS_MAX_ADJUSTMENT,
} as const;

/** POST /api/admin/points/adjustments: the shared schema, bounded by this configuration. */
export const AdjustPoints = adjustPointsWithin(POINT_RULES.maxAdjustment);
export type AdjustPoints = AdjustPointsInput;

/** The ledger's reasons: the one list is @hy/schemas/points-rules (the database enum is made from it). */
export type { PointsReason } from '@hy/schemas/points-rules';

/** Earnings that count toward the daily cap (penalties and case bonuses are not capped). */
export const CAPPED_REASONS: PointsReason[] = ['tip_validated', 'tip_priority_bonus', 'campaign'];

/** Ledger reasons that count on leaderboards (spending and refunds do not change standing). */
export const RANKED_REASONS: PointsReason[] = [
  'tip_validated',
  'tip_priority_bonus',
  'case_solved_bonus',
  'false_report_penalty',
  'adjustment',
  // A reversal undoes a ranked award or penalty, in the period that entry counted toward.
  'reversal',
  'campaign',
];

/**
 * Debits that are all-or-nothing: a redemption or an admin's deduction the balance cannot cover
 * is refused (409). A false-report penalty instead takes what is there (never below zero).
 */
export const STRICT_DEBIT_REASONS: PointsReason[] = ['redemption', 'adjustment'];
