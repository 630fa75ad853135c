import { z } from 'zod';
import { calendarDay, instant, PlaceName } from './answers';
import { CATEGORY_IDS } from './categories';
import { TIP_STATUSES } from './tip-rules';

/** Statistics (api/src/modules/stats): the police overview and the public monthly figures. */

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

/** Answers. */

const count = z.number().int();

/** GET /api/stats/overview: the department's figures for a period and a scope (a district, or the city). */
export const Overview = z
  .strictObject({
    period: z.strictObject({ from: calendarDay, to: calendarDay, days: count }),
    /** Null: the whole city (admins). */
    districtId: z.number().int().nullable(),
    tips: z.strictObject({
      total: count,
      /** Tips submitted in the period, by their status now. */
      byStatus: z.strictObject(Object.fromEntries(TIP_STATUSES.map((s) => [s, count])) as Record<(typeof TIP_STATUSES)[number], typeof count>),
      byCategory: z.array(z.strictObject({ category: z.enum(CATEGORY_IDS), tips: count })),
      byDistrict: z.array(z.strictObject({ districtId: z.number().int(), tips: count })),
      /** Mondays of every week the period touches, weeks without tips included. */
      byWeek: z.array(z.strictObject({ weekStart: calendarDay, tips: count })),
    }),
    decisions: z.strictObject({
      decided: count,
      /** Hours from submission to first decision: median and 90th percentile (null when none was decided). */
      medianHours: z.number().nullable(),
      p90Hours: z.number().nullable(),
      /** Valid among valid, invalid and duplicate (0–1), null when none was judged. */
      validRate: z.number().nullable(),
    }),
    /** Tips undecided now, by age. */
    backlog: z.strictObject({ total: count, byAge: z.array(z.strictObject({ bucket: z.string().meta({ example: '1_3d' }), tips: count })) }),
    /** On-site checks due in the period (`overdue`: not reported by their due time) and open past due now. */
    onSiteChecks: z.strictObject({ due: count, overdue: count, overdueNow: count }),
    cases: z.strictObject({ opened: count, solved: count }),
    activeVolunteers: count,
    campaigns: z.strictObject({ held: count, joined: count, checkedIn: count, attended: count, minutesAttended: count }),
  })
  .meta({ id: 'StatsOverview' });
export type Overview = z.infer<typeof Overview>;

/** A published count below the threshold (0–4). */
export const SMALL = '<5';
/** A published count hidden so that a "<5" cannot be worked out from the others (known only to be 5 or more). */
export const WITHHELD = 'withheld';

/** A published count: a number, "<5" or "withheld" (docs/statistics.md). */
export const PublicCount = z.union([count, z.literal(SMALL), z.literal(WITHHELD)]).meta({ id: 'PublicCount' });
export type PublicCount = z.infer<typeof PublicCount>;

/** GET /api/stats/public: monthly tip counts by category and district, protected; no text, places or people. */
export const PublicFigures = z
  .strictObject({
    /** The whole months covered, oldest first (YYYY-MM). */
    months: z.array(z.string().meta({ example: '2026-10' })),
    categories: z.array(z.strictObject({ id: z.enum(CATEGORY_IDS), nameZh: z.string(), nameEn: z.string(), isSensitive: z.boolean() })),
    districts: z.array(PlaceName),
    rows: z.array(
      z.strictObject({
        month: z.string(),
        category: z.enum(CATEGORY_IDS),
        city: PublicCount,
        /** Null for the sensitive categories: city-wide only. */
        districts: z.array(z.strictObject({ districtId: z.number().int(), tips: PublicCount })).nullable(),
      }),
    ),
    generatedAt: instant,
  })
  .meta({ id: 'PublicFigures' });
export type PublicFigures = z.infer<typeof PublicFigures>;
