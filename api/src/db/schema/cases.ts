import { bigserial, date, index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CASE_STATUSES } from '@hy/schemas/case-rules';
import { districts } from './places';
import { users } from './users';

export const caseStatusEnum = pgEnum('case_status', CASE_STATUSES);

export const cases = pgTable(
  'cases',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Human reference CASE-YYYYMMDD-NNNN. */
    reference: text().notNull(),
    districtId: smallint()
      .notNull()
      .references(() => districts.id),
    title: text().notNull(),
    summary: text(),
    status: caseStatusEnum().notNull().default('open'),
    leadOfficerId: uuid().references(() => users.id),
    createdById: uuid()
      .notNull()
      .references(() => users.id),
    solvedAt: timestamp({ withTimezone: true, precision: 3 }),
    closedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.reference),
    index('cases_district_status_idx').on(t.districtId, t.status, t.updatedAt.desc(), t.id),
    // Statistics: cases opened and solved in a period.
    index('cases_district_created_idx').on(t.districtId, t.createdAt),
    index('cases_district_solved_idx').on(t.districtId, t.solvedAt),
  ],
);

export const caseNotes = pgTable(
  'case_notes',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.caseId, t.createdAt)],
);

/** Per-day counter behind CASE-YYYYMMDD-NNNN (Asia/Shanghai day), like the tips' counter. */
export const caseReferenceCounters = pgTable('case_reference_counters', {
  day: date().primaryKey(),
  last: integer().notNull(),
});
