import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { HISTORY_KINDS, PRIORITIES, TIP_STATUSES } from '@hy/schemas/tip-rules';
import { storedPhotoColumns } from './stored-photo-columns';
import { communities, districts } from './places';
import { users } from './users';
import { cases } from './cases';
import { verificationStatusEnum } from './verification-status';

export const tipStatusEnum = pgEnum('tip_status', TIP_STATUSES);
export const priorityEnum = pgEnum('priority', PRIORITIES);

export const tips = pgTable(
  'tips',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Human reference HY-YYYYMMDD-NNNN (Asia/Shanghai day), unique. */
    reference: text().notNull(),
    /** Null for anonymous tips: nothing links an anonymous tip to a person. */
    reporterId: uuid().references(() => users.id),
    isAnonymous: boolean().notNull().default(false),
    /** Anonymous tips: slow hash (argon2id) of the one-time access code. */
    accessCodeHash: text(),
    category: text().notNull(),
    description: text().notNull(),
    occurredAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    lat: doublePrecision(),
    lng: doublePrecision(),
    address: text(),
    districtId: smallint()
      .notNull()
      .references(() => districts.id),
    /** The reporter's community at submission time (for organizer activity counts), null if anonymous. */
    communityId: integer().references(() => communities.id),
    status: tipStatusEnum().notNull().default('submitted'),
    priority: priorityEnum().notNull().default('normal'),
    /** Sort key of the queue: higher first (urgent=3 … low=0); kept in step with priority. */
    priorityRank: smallint().notNull().default(1),
    duplicateOfId: uuid().references((): AnyPgColumn => tips.id),
    caseId: uuid().references((): AnyPgColumn => cases.id),
    isDeliberateFalse: boolean().notNull().default(false),
    claimedById: uuid().references(() => users.id),
    claimExpiresAt: timestamp({ withTimezone: true, precision: 3 }),
    decidedById: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true, precision: 3 }),
    /**
     * How many decisions the tip has had (each decide or duplicate marking adds one; a reversal
     * does not). Points of a decision are keyed by it, so deciding again after a reversal awards again.
     */
    decisionSeq: integer().notNull().default(0),
    /**
     * The latest on-site check's state and due time (null: never checked), copied here by the
     * tips module when the verifications module opens or reports a task, so the queue filters on
     * it through tips_queue_verification_idx in queue order instead of joining every tip.
     */
    verificationStatus: verificationStatusEnum(),
    verificationDueAt: timestamp({ withTimezone: true, precision: 3 }),
    /** Retention: media and messages purged, statistics kept. */
    purgedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.reference),
    index('tips_reporter_created_idx').on(t.reporterId, t.createdAt.desc()),
    // The triage queue: district + status, then priority desc and age (keyset order).
    index('tips_queue_idx').on(t.districtId, t.status, t.priorityRank.desc(), t.createdAt, t.id),
    // The queue filtered by category: the same keyset order inside one category, so a rare
    // category reads its own rows instead of filtering the whole district band.
    // The queue filtered by verification state: only tips ever checked, in the same keyset order.
    index('tips_queue_verification_idx')
      .on(t.districtId, t.status, t.verificationStatus, t.priorityRank.desc(), t.createdAt, t.id)
      .where(sql`${t.verificationStatus} IS NOT NULL`),
    index('tips_queue_category_idx').on(t.districtId, t.status, t.category, t.priorityRank.desc(), t.createdAt, t.id),
    // Free text ORs description and address: both need a trigram index for a BitmapOr plan
    // (tips_description_trgm_idx comes from the hand-written migration 0001).
    index('tips_address_trgm_idx').using('gin', t.address.op('gin_trgm_ops')),
    // Duplicate suggestions: same district and category within a few days of the opened tip.
    index('tips_district_category_created_idx').on(t.districtId, t.category, t.createdAt),
    // The CSV export walks tips oldest first in keyset batches: a district's, or the city's.
    index('tips_district_created_idx').on(t.districtId, t.createdAt, t.id),
    index('tips_created_idx').on(t.createdAt, t.id),
    // The police map's tips_map_idx (district, status, lng, lat, category, created_at) INCLUDE (id,
    // reference, priority) WHERE lat IS NOT NULL comes from the hand-written migration 0022: every
    // filter of the map in the key and what a point shows in the leaf, so counting, gridding and
    // listing a box never read a tip row (index-only scans).
    index('tips_case_idx').on(t.caseId),
    index('tips_duplicate_of_idx').on(t.duplicateOfId),
    index('tips_community_created_idx').on(t.communityId, t.createdAt),
    // tips_stats_period_idx (district, created_at) INCLUDE (reporter, status, lng, lat, category)
    // comes from the hand-written migrations 0016 and 0022: drizzle cannot declare INCLUDE columns.
    // It serves the statistics' periods and the map over a period.
    check('tips_lat_range', sql`${t.lat} IS NULL OR (${t.lat} BETWEEN -90 AND 90)`),
    check('tips_lng_range', sql`${t.lng} IS NULL OR (${t.lng} BETWEEN -180 AND 180)`),
    check('tips_anonymous_has_no_reporter', sql`NOT ${t.isAnonymous} OR ${t.reporterId} IS NULL`),
  ],
);

export const tipReferenceCounters = pgTable('tip_reference_counters', {
  day: date().primaryKey(),
  last: integer().notNull(),
});

export const historyKindEnum = pgEnum('history_kind', HISTORY_KINDS);

/** Status history of a tip; entries with isVisibleToReporter show in the reporter's timeline. */
export const tipHistory = pgTable(
  'tip_history',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    tipId: uuid()
      .notNull()
      .references(() => tips.id, { onDelete: 'cascade' }),
    kind: historyKindEnum().notNull().default('status'),
    fromStatus: tipStatusEnum(),
    toStatus: tipStatusEnum(),
    /** Note to the reporter (public) or internal police note. */
    note: text(),
    isVisibleToReporter: boolean().notNull().default(true),
    /** Police actor; null for the reporter's own actions and system events. */
    actorId: uuid().references(() => users.id),
    actorRole: text(),
    details: jsonb(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.tipId, t.createdAt)],
);

export const media = pgTable(
  'media',
  {
    id: uuid().primaryKey().defaultRandom(),
    tipId: uuid()
      .notNull()
      .references(() => tips.id, { onDelete: 'cascade' }),
    ...storedPhotoColumns(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.tipId, t.position)],
);
