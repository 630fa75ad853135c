import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { communities, districts } from './places';
import { users } from './users';
import { CAMPAIGN_KINDS } from '@hy/schemas/campaign-rules';

export const campaignKindEnum = pgEnum('campaign_kind', CAMPAIGN_KINDS);

/** A campaign (群防群治: patrol, publicity, …) organizers and police post and volunteers attend. Owned by modules/campaigns. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    kind: campaignKindEnum().notNull(),
    description: text().notNull(),
    startsAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    endsAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    /** Meeting place (WGS-84) and the radius a check-in must fall within. */
    lat: doublePrecision().notNull(),
    lng: doublePrecision().notNull(),
    radiusM: integer().notNull(),
    address: text().notNull(),
    districtId: smallint()
      .notNull()
      .references(() => districts.id),
    /** null: open to the whole district. */
    communityId: integer().references(() => communities.id),
    /** null: no limit. */
    capacity: integer(),
    /** Volunteers joined now; kept with the row lock join and leave take, so it never passes capacity. */
    joinedCount: integer().notNull().default(0),
    points: smallint().notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('campaigns_district_starts_idx').on(t.districtId, t.startsAt, t.id),
    index('campaigns_community_starts_idx').on(t.communityId, t.startsAt, t.id),
    index('campaigns_starts_idx').on(t.startsAt, t.id),
    check('campaigns_window', sql`${t.endsAt} > ${t.startsAt}`),
    check('campaigns_points_range', sql`${t.points} BETWEEN 0 AND 50`),
    check('campaigns_radius_range', sql`${t.radiusM} BETWEEN 50 AND 5000`),
    check('campaigns_capacity', sql`${t.capacity} IS NULL OR (${t.capacity} >= 1 AND ${t.joinedCount} <= ${t.capacity})`),
    check('campaigns_joined_non_negative', sql`${t.joinedCount} >= 0`),
  ],
);

/** One volunteer's part in one campaign: joined, checked in once, checked out once. */
export const campaignParticipants = pgTable(
  'campaign_participants',
  {
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    joinedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    checkedInAt: timestamp({ withTimezone: true, precision: 3 }),
    checkInLat: doublePrecision(),
    checkInLng: doublePrecision(),
    checkInAccuracyM: doublePrecision(),
    checkInDistanceM: integer(),
    checkedOutAt: timestamp({ withTimezone: true, precision: 3 }),
    checkOutLat: doublePrecision(),
    checkOutLng: doublePrecision(),
    minutes: integer(),
    /** What the points ledger actually credited (after the daily cap); 0 when nothing was due. */
    pointsAwarded: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.userId] }),
    index('campaign_participants_user_checkin_idx').on(t.userId, t.checkedInAt.desc()),
    index('campaign_participants_campaign_joined_idx').on(t.campaignId, t.joinedAt, t.userId),
  ],
);
