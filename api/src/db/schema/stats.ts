import { sql } from 'drizzle-orm';
import { date, doublePrecision, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tips, tipStatusEnum } from './tips';

/**
 * Tips per submission day (Asia/Shanghai) × district × category × current status. Kept by
 * statement-level triggers on `tips` (migration 0016, hand-written part) in the transaction that
 * inserts, decides, reverses or transfers a tip, so every writer — API, seeds, Open311, bulk loads
 * — keeps it right. Read by modules/stats; no one writes it directly.
 */
export const tipDailyStats = pgTable(
  'tip_daily_stats',
  {
    day: date().notNull(),
    districtId: smallint().notNull(),
    category: text().notNull(),
    status: tipStatusEnum().notNull(),
    tips: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.districtId, t.category, t.status] }),
    index('tip_daily_stats_district_day_idx').on(t.districtId, t.day),
  ],
);

/**
 * tip_daily_stats rolled up by calendar month (`month` = its first day): a long period reads its
 * whole months here and only its partial months' days from tip_daily_stats. Kept by the same kind
 * of statement-level triggers on `tips` (migration 0021).
 */
export const tipMonthlyStats = pgTable(
  'tip_monthly_stats',
  {
    month: date().notNull(),
    districtId: smallint().notNull(),
    category: text().notNull(),
    status: tipStatusEnum().notNull(),
    tips: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.districtId, t.category, t.status] }), index('tip_monthly_stats_district_month_idx').on(t.districtId, t.month)],
);

/**
 * Tips per ISO week (`week` = its Monday, Asia/Shanghai days) × district × category, for the
 * statistics' weekly chart: a long period reads its whole weeks here and only the days of its
 * partial first and last weeks from tip_daily_stats. No status, so a decision writes nothing here.
 * Kept by statement-level triggers on `tips` (migration 0021).
 */
export const tipWeeklyStats = pgTable(
  'tip_weekly_stats',
  {
    week: date().notNull(),
    districtId: smallint().notNull(),
    category: text().notNull(),
    tips: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.week, t.districtId, t.category] }), index('tip_weekly_stats_district_week_idx').on(t.districtId, t.week)],
);

/**
 * When each tip was first decided (the first status change out of `submitted`: valid, invalid,
 * duplicate or needs_info; a reversal keeps it), with the tip's submission time and its current
 * district copied so that the time-to-first-decision figures of a period read this narrow table's
 * index alone. A table of its own, not a column of `tips`: filling it for an existing database is
 * one INSERT … SELECT from the history (migration 0018), not a rewrite of every tip and its
 * indexes. Written by the tips module's transitions (decide, markDuplicate; transfer moves the
 * district) in their transaction.
 */
export const tipFirstDecisions = pgTable(
  'tip_first_decisions',
  {
    tipId: uuid()
      .primaryKey()
      .references(() => tips.id, { onDelete: 'cascade' }),
    districtId: smallint().notNull(),
    /** The tip's created_at (never changes). */
    submittedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    firstDecidedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    index('tip_first_decisions_period_idx').on(t.districtId, t.submittedAt, t.firstDecidedAt),
    // The exact median / p90 within the hour tip_decision_hours points at: one range per district,
    // index-only (first_decided_at is in it so the time is computed from the index alone).
    index('tip_first_decisions_hours_idx').on(t.districtId, sql`(${t.firstDecidedAt} - ${t.submittedAt})`, t.submittedAt, t.firstDecidedAt),
  ],
);

/**
 * The police map's summary: tips with coordinates per grid cell × district × current status ×
 * category, at two cell sizes (`size` in thousandths of a degree: 5 = 0.005°, about 500 m, and
 * 50 = 0.05°), with the sums of their coordinates so a cell is drawn at its tips' mean position.
 * A cell is `gx = floor(lng / size°)`, `gy = floor(lat / size°)`. Kept like tip_daily_stats by
 * statement-level triggers on `tips` (migration 0020, hand-written part), so a zoomed-out map of
 * 287k tips reads a few thousand summary rows instead of every tip. Read by modules/tip-map.
 */
export const tipMapCells = pgTable(
  'tip_map_cells',
  {
    size: smallint().notNull(),
    districtId: smallint().notNull(),
    gx: integer().notNull(),
    gy: integer().notNull(),
    status: tipStatusEnum().notNull(),
    category: text().notNull(),
    tips: integer().notNull(),
    latSum: doublePrecision().notNull(),
    lngSum: doublePrecision().notNull(),
  },
  (t) => [primaryKey({ columns: [t.size, t.districtId, t.gx, t.gy, t.status, t.category] })],
);

/**
 * tip_map_cells without the category (cell × district × current status): a map of every
 * category reads one row per cell and status instead of one per cell, status and category, which
 * for the biggest district's box of every status was ~40k summary rows. Kept by the same kind of
 * statement-level triggers on `tips` (migration 0021). Read by modules/tip-map.
 */
export const tipMapStatusCells = pgTable(
  'tip_map_status_cells',
  {
    size: smallint().notNull(),
    districtId: smallint().notNull(),
    gx: integer().notNull(),
    gy: integer().notNull(),
    status: tipStatusEnum().notNull(),
    tips: integer().notNull(),
    latSum: doublePrecision().notNull(),
    lngSum: doublePrecision().notNull(),
  },
  (t) => [primaryKey({ columns: [t.size, t.districtId, t.gx, t.gy, t.status] })],
);

/**
 * Histogram of the time to first decision, per statistics scope (a district id, or 0 for the
 * city), submission day (Asia/Shanghai) and whole hour (`hours` = floor of the hours from
 * submission to first decision; −1 for a negative time, 720 for 30 days and over). Kept by
 * statement-level triggers on tip_first_decisions (migration 0021). The median and p90 of a period
 * read it to find the hour that holds the wanted rank, then take the exact value from
 * tip_first_decisions within that hour (tip_first_decisions_hours_idx): the figures are the same
 * as a percentile over every decided tip, without reading every one.
 */
export const tipDecisionHours = pgTable(
  'tip_decision_hours',
  {
    scope: smallint().notNull(),
    day: date().notNull(),
    hours: smallint().notNull(),
    tips: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.day, t.hours] })],
);

/**
 * Active volunteers of a period (distinct reporters with a tip submitted in it) without reading
 * the period's tips. For each volunteer and scope (a district id, or 0 for the city), each day
 * with a tip (`day`) is paired with the volunteer's previous such day (`prevDay`, −infinity for
 * the first); this table counts volunteers per (scope, day, prevDay). A volunteer is active in
 * [from, to] exactly when one of their pairs has prevDay < from ≤ day ≤ to, so the figure is a
 * sum over a range of this table (or its complement, see volunteerLastDays). Kept by a
 * statement-level trigger on `tips` (migration 0021), which serializes per volunteer.
 */
export const volunteerDayPairs = pgTable(
  'volunteer_day_pairs',
  {
    scope: smallint().notNull(),
    day: date().notNull(),
    prevDay: date().notNull(),
    volunteers: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.day, t.prevDay] })],
);

/**
 * Volunteers per scope by the last day they submitted a tip (kept with volunteer_day_pairs): the
 * volunteers with a tip on or after `from` are the sum from `from` on, and those active in
 * [from, to] are that minus the pairs with prevDay < from and day > to — a short read for a period
 * that ends today, where the direct sum would read the whole period.
 */
export const volunteerLastDays = pgTable(
  'volunteer_last_days',
  {
    scope: smallint().notNull(),
    day: date().notNull(),
    volunteers: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.day] })],
);
