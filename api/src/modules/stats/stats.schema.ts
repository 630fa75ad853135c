import { z } from 'zod';

/** A calendar day (Asia/Shanghai) written YYYY-MM-DD that exists (no 2026-02-30). */
const Day = z
  .string({ message: 'must be a date YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'must be a real calendar date');

/** The longest period a statistics request may cover: two years of days. */
export const MAX_PERIOD_DAYS = 731;
/** The period when none is given: the last 30 days, today included. */
export const DEFAULT_PERIOD_DAYS = 30;

export const OverviewQuery = z.strictObject({
  from: Day.optional(),
  to: Day.optional(),
  districtId: z.coerce
    .number({ message: 'must be a district id' })
    .int('must be a district id')
    .positive('must be a district id')
    .max(32767, 'must be a district id')
    .optional(),
});
export type OverviewQuery = z.infer<typeof OverviewQuery>;

export const PublicQuery = z.strictObject({
  months: z.coerce.number({ message: 'must be a number of months' }).int('must be a whole number').min(1, 'must be at least 1').max(24, 'must be at most 24').default(12),
});
export type PublicQuery = z.infer<typeof PublicQuery>;
