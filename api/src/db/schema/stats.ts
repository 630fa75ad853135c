import { date, index, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { tipStatusEnum } from './tips';

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
