import { index, integer, pgTable, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/** The 12 county-level districts of Hengyang; ids are stable (seeded explicitly). */
export const districts = pgTable('districts', {
  id: smallint().primaryKey(),
  code: text().notNull().unique(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
});

/** Townships (乡镇/街道) of the districts, from the national division codes (geo/hengyang.json). */
export const townships = pgTable(
  'townships',
  {
    id: serial().primaryKey(),
    /** 9-digit division code, e.g. 430406001 先锋街道. */
    code: text().notNull().unique(),
    districtId: smallint()
      .notNull()
      .references(() => districts.id),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
  },
  (t) => [index().on(t.districtId, t.code)],
);

/** Villages and communities (村/社区): the real ones of the 12 districts (db/geography.ts loads them). */
export const communities = pgTable(
  'communities',
  {
    id: serial().primaryKey(),
    /** 12-digit division code; null only on rows from before the real geography, until they are migrated at start. */
    code: text().unique(),
    districtId: smallint()
      .notNull()
      .references(() => districts.id),
    townshipId: integer().references(() => townships.id),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    /** Lowercase pinyin of nameZh without separators (ü as v) and its initials: search keys. */
    pinyin: text().notNull().default(''),
    initials: text().notNull().default(''),
    /** Registered volunteers; maintained on register so per-capita rankings need no count(*). */
    memberCount: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.districtId, t.nameZh), index().on(t.districtId, t.code), index().on(t.townshipId, t.code)],
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
