import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { FINDINGS } from '@hy/schemas/verification-rules';
import { communities } from './places';
import { storedPhotoColumns } from './stored-photo-columns';
import { users } from './users';
import { tips } from './tips';
import { verificationStatusEnum } from './verification-status';

export const verificationFindingEnum = pgEnum('verification_finding', FINDINGS);

/**
 * An on-site check of a tip by the auxiliary police officer (辅警) of a community. Owned by
 * modules/verifications; the tip's own `verification_status` / `verification_due_at` (the queue's
 * copy of the latest task's state) are written through the tips module. See docs/verification.md.
 */
export const verifications = pgTable(
  'verifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    tipId: uuid()
      .notNull()
      .references(() => tips.id, { onDelete: 'cascade' }),
    communityId: integer()
      .notNull()
      .references(() => communities.id),
    /** The community's auxiliary when the task was made (the community's current one reports). */
    assignedToId: uuid()
      .notNull()
      .references(() => users.id),
    requestedById: uuid()
      .notNull()
      .references(() => users.id),
    /** What police ask to be checked. */
    note: text().notNull(),
    dueAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    status: verificationStatusEnum().notNull().default('open'),
    finding: verificationFindingEnum(),
    reportNote: text(),
    reportedById: uuid().references(() => users.id),
    reportedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    // One open task per tip: a second request while one is open is a conflict, even when two
    // officers press the button at once.
    uniqueIndex('verifications_one_open_per_tip_idx').on(t.tipId).where(sql`${t.status} = 'open'`),
    index('verifications_tip_created_idx').on(t.tipId, t.createdAt),
    // Statistics: checks due in a period (overdue ones among them).
    index('verifications_due_idx').on(t.dueAt),
    // The auxiliary's desk: open tasks soonest due first, reported ones newest first (keyset).
    index('verifications_community_open_idx').on(t.communityId, t.dueAt, t.id).where(sql`${t.status} = 'open'`),
    index('verifications_community_reported_idx')
      .on(t.communityId, t.reportedAt.desc(), t.id.desc())
      .where(sql`${t.status} = 'reported'`),
    check(
      'verifications_report_complete',
      sql`(${t.status} = 'open' AND ${t.finding} IS NULL AND ${t.reportedAt} IS NULL AND ${t.reportedById} IS NULL)
        OR (${t.status} = 'reported' AND ${t.finding} IS NOT NULL AND ${t.reportedAt} IS NOT NULL AND ${t.reportedById} IS NOT NULL)`,
    ),
  ],
);

/** Photos of a report: re-encoded and stripped exactly like tip photos (modules/media). */
export const verificationPhotos = pgTable(
  'verification_photos',
  {
    id: uuid().primaryKey().defaultRandom(),
    verificationId: uuid()
      .notNull()
      .references(() => verifications.id, { onDelete: 'cascade' }),
    ...storedPhotoColumns(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index().on(t.verificationId, t.position)],
);
