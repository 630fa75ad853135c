import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { communities, districts } from './places';
import { tips } from './tips';
import { users } from './users';
import { cases } from './cases';
import { campaigns } from './campaigns';
import { PERIODS, POINTS_REASONS } from '@hy/schemas/points-rules';

export const pointsReasonEnum = pgEnum('points_reason', POINTS_REASONS);

/** Every change of points. The balance in users.points_balance is derived from it. */
export const pointsLedger = pgTable(
  'points_ledger',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    delta: integer().notNull(),
    reason: pointsReasonEnum().notNull(),
    tipId: uuid().references(() => tips.id),
    /** tips.decisionSeq of the decision an award belongs to (0 for entries without a tip). */
    tipDecision: integer().notNull().default(0),
    /** A reversal's entry: the one entry it undoes (each is undone at most once). */
    compensatesId: bigint({ mode: 'number' }).references((): AnyPgColumn => pointsLedger.id),
    caseId: uuid().references(() => cases.id),
    campaignId: uuid().references(() => campaigns.id),
    redemptionId: uuid(),
    actorId: uuid().references(() => users.id),
    note: text(),
    /** Asia/Shanghai day the points count toward (daily cap). */
    earnedOn: date().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('points_ledger_user_idx').on(t.userId, t.id.desc()),
    // Exactly-once awards per (volunteer, reason, tip, decision), whatever retries or concurrent
    // clicks occur; a decision made again after a reversal is a new decision and awards again.
    uniqueIndex('points_ledger_award_once_idx')
      .on(t.userId, t.reason, t.tipId, t.tipDecision)
      .where(sql`${t.tipId} IS NOT NULL AND ${t.compensatesId} IS NULL`),
    // Exactly-once compensation: an entry is undone at most once, whatever reversals race.
    uniqueIndex('points_ledger_compensates_once_idx')
      .on(t.compensatesId)
      .where(sql`${t.compensatesId} IS NOT NULL`),
    // Exactly-once campaign awards per (volunteer, campaign), whatever check-outs race.
    uniqueIndex('points_ledger_campaign_once_idx')
      .on(t.userId, t.reason, t.campaignId)
      .where(sql`${t.campaignId} IS NOT NULL AND ${t.compensatesId} IS NULL`),
    uniqueIndex('points_ledger_redemption_once_idx')
      .on(t.reason, t.redemptionId)
      .where(sql`${t.redemptionId} IS NOT NULL`),
  ],
);

export const periodEnum = pgEnum('period', PERIODS);

/** Points earned per user per period, maintained in the same transaction as the ledger. */
export const userPeriodPoints = pgTable(
  'user_period_points',
  {
    period: periodEnum().notNull(),
    /** Monday of the week, first of the month, or 1970-01-01 for all time. */
    periodStart: date().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    communityId: integer().references(() => communities.id),
    districtId: smallint().references(() => districts.id),
    points: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.period, t.periodStart, t.userId] }),
    index('upp_rank_idx').on(t.period, t.periodStart, t.points.desc(), t.userId),
    index('upp_district_rank_idx').on(t.period, t.periodStart, t.districtId, t.points.desc(), t.userId),
    index('upp_community_rank_idx').on(t.period, t.periodStart, t.communityId, t.points.desc(), t.userId),
  ],
);

export const communityPeriodPoints = pgTable(
  'community_period_points',
  {
    period: periodEnum().notNull(),
    periodStart: date().notNull(),
    communityId: integer()
      .notNull()
      .references(() => communities.id),
    districtId: smallint()
      .notNull()
      .references(() => districts.id),
    points: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.period, t.periodStart, t.communityId] }),
    index('cpp_rank_idx').on(t.period, t.periodStart, t.points.desc(), t.communityId),
  ],
);

/**
 * How many users of a period and scope stand at each points value, kept in the same transaction
 * as user_period_points (points.service addToPeriods): own rank is then 1 + the users in buckets
 * above the caller's points — a sum over a few thousand distinct values instead of a count over
 * up to 740k index entries. district_id 0 is the city-wide scope; a bucket may drop to 0 users
 * and stay (it is never read as a rank on its own).
 */
export const periodPointsHistogram = pgTable(
  'period_points_histogram',
  {
    period: periodEnum().notNull(),
    periodStart: date().notNull(),
    /** 0 = city-wide, otherwise user_period_points.district_id (no foreign key: 0 is no district). */
    districtId: smallint().notNull(),
    points: integer().notNull(),
    users: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.period, t.periodStart, t.districtId, t.points] })],
);
