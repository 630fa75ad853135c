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
  (t) => [index('tip_first_decisions_period_idx').on(t.districtId, t.submittedAt, t.firstDecidedAt)],
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
