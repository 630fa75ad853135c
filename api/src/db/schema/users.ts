import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { communities, districts, policeUnits } from './places';

export const roleEnum = pgEnum('role', ['volunteer', 'officer', 'supervisor', 'organizer', 'admin']);

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Login identifier (mainland mobile number); never logged, never shown to police. */
    phone: text().notNull(),
    passwordHash: text().notNull(),
    displayName: text().notNull(),
    role: roleEnum().notNull().default('volunteer'),
    /** Volunteer's community; an organizer's community when they organise one community. */
    communityId: integer().references(() => communities.id),
    /** Police: their unit. */
    unitId: integer().references(() => policeUnits.id),
    /** Police (from their unit) and district-level organizers: the district they act in. */
    districtId: smallint().references(() => districts.id),
    /** PII at rest, AES-256-GCM envelope `keyId:iv:tag:ciphertext` (see lib/pii). */
    realNameEnc: text(),
    idNumberEnc: text(),
    /** Cached balance: always equal to the sum of the user's points_ledger rows. */
    pointsBalance: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    disabledAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex().on(t.phone),
    index().on(t.communityId),
    // organizers' member lists: newest members of a community first
    index('users_community_created_idx').on(t.communityId, t.createdAt.desc(), t.id.desc()),
    index().on(t.role, t.districtId),
    check('users_points_balance_non_negative', sql`${t.pointsBalance} >= 0`),
  ],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** sha256 of the opaque token; the token itself is never stored. */
    tokenHash: text().notNull(),
    /** Every rotation of one login shares a family; reuse of a spent token revokes the family. */
    familyId: uuid().notNull(),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    usedAt: timestamp({ withTimezone: true, precision: 3 }),
    revokedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.tokenHash), index().on(t.familyId), index().on(t.userId)],
);
