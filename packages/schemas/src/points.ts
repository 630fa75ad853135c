import { z } from 'zod';
import { instant, nextCursor } from './answers';
import { plainText } from './fields';
import { ADJUSTMENT_REASON_LENGTH, POINTS_REASONS } from './points-rules';
import { REDEMPTION_STATUSES } from './reward-rules';

/** Points (api/src/modules/points): the ledger, the admin's adjustment and the consistency check. */

export type { PointsReason } from './points-rules';

export const LedgerQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type LedgerQuery = z.infer<typeof LedgerQuery>;

/**
 * An admin's correction. The bound is configuration (POINTS_MAX_ADJUSTMENT on the server, which
 * makes its schema with it); the shape and every other rule are here.
 */
export const adjustPointsWithin = (maxAdjustment: number) =>
  z.strictObject({
    userId: z.uuid({ message: 'must be a UUID' }),
    delta: z
      .number({ message: 'must be a whole number' })
      .int('must be a whole number')
      .refine((d) => d !== 0, 'must not be zero')
      .refine((d) => Math.abs(d) <= maxAdjustment, `must be between -${maxAdjustment} and ${maxAdjustment}`)
      .meta({ minimum: -maxAdjustment, maximum: maxAdjustment }),
    reason: plainText({ ...ADJUSTMENT_REASON_LENGTH, tooShort: `must say why (at least ${ADJUSTMENT_REASON_LENGTH.min} characters)` }),
  });
export type AdjustPoints = z.infer<ReturnType<typeof adjustPointsWithin>>;

/** Answers. */

/** One ledger entry as its owner sees it: what it was for, never who in the police decided it. */
export const LedgerEntry = z
  .strictObject({
    id: z.number().int(),
    delta: z.number().int(),
    reason: z.enum(POINTS_REASONS),
    note: z.string().nullable(),
    tip: z.strictObject({ id: z.uuid(), reference: z.string() }).nullable(),
    case: z.strictObject({ id: z.uuid(), reference: z.string() }).nullable(),
    campaign: z.strictObject({ id: z.uuid(), title: z.string() }).nullable(),
    redemption: z
      .strictObject({
        id: z.uuid(),
        status: z.enum(REDEMPTION_STATUSES).nullable(),
        reward: z.strictObject({ id: z.uuid(), nameZh: z.string(), nameEn: z.string() }).nullable(),
      })
      .nullable(),
    createdAt: instant,
  })
  .meta({ id: 'LedgerEntry' });
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** GET /api/me/points. */
export const MyPoints = z
  .strictObject({
    balance: z.number().int(),
    /** Capped earnings today (Asia/Shanghai), against `dailyCap`. */
    earnedToday: z.number().int(),
    dailyCap: z.number().int(),
    entries: z.array(LedgerEntry),
    nextCursor,
  })
  .meta({ id: 'MyPoints' });
export type MyPoints = z.infer<typeof MyPoints>;

/** POST /api/admin/points/adjustments: the entry written (the delta actually applied) and the new balance. */
export const PointsAdjusted = z
  .strictObject({
    adjustment: z.strictObject({ ledgerId: z.number().int().nullable(), userId: z.uuid(), delta: z.number().int(), reason: z.string() }),
    balance: z.number().int(),
  })
  .meta({ id: 'PointsAdjusted' });
export type PointsAdjusted = z.infer<typeof PointsAdjusted>;

/** GET /api/admin/points/consistency: ledger ↔ balance ↔ leaderboard agreement. */
export const LedgerReport = z
  .strictObject({
    isConsistent: z.boolean(),
    usersChecked: z.number().int(),
    /** Users whose cached balance differs from the sum of their ledger rows (at most 100). */
    balanceMismatches: z.array(z.strictObject({ userId: z.uuid(), balance: z.number().int(), ledgerSum: z.number().int() })),
    negativeBalances: z.number().int(),
    /** (user, reason, tip, decision), (reason, redemption) or compensated-entry keys written more than once. */
    duplicateAwards: z.number().int(),
    /** Users whose all-time leaderboard total differs from their ranked ledger rows (at most 100). */
    periodMismatches: z.array(z.strictObject({ userId: z.uuid(), periodPoints: z.number().int(), ledgerRanked: z.number().int() })),
  })
  .meta({ id: 'LedgerReport' });
export type LedgerReport = z.infer<typeof LedgerReport>;
