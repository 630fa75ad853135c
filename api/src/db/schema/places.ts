import { index, integer, pgTable, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/** The 12 county-level districts of Hengyang; ids are stable (seeded explicitly). */
export const districts = pgTable('districts', {
  id: smallint().primaryKey(),
  code: text().notNull().unique(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
});

export const communities = pgTable(
  'communities',
  {
    id: serial().primaryKey(),
    districtId: smallint()
      .notNull()
      .references(() => districts.id),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    /** Registered volunteers; maintained on register so per-capita rankings need no count(*). */
    memberCount: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.districtId, t.nameZh)],
);

export const policeUnits = pgTable(
  'police_units',
  {
    id: serial().primaryKey(),
    districtId: smallint()
      .notNull()
      .references(() => districts.id),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
  },
  (t) => [index().on(t.districtId)],
);
