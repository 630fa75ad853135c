import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ROLES } from '@hy/schemas/roles';
import { communities, districts, policeUnits } from './places';

export const roleEnum = pgEnum('role', ROLES);

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Login identifier (mainland mobile number); never logged, never shown to police. */
    phone: text().notNull(),
    passwordHash: text().notNull(),
    displayName: text().notNull(),
    role: roleEnum().notNull().default('volunteer'),
    /** Volunteer's community; an organizer's or an auxiliary's (辅警) community. */
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
    /** Set with a temporary password: the user may do nothing but change it (PASSWORD_CHANGE_REQUIRED). */
    mustChangePassword: boolean().notNull().default(false),
    /**
     * Carried in every access token; bumping it revokes the user's access tokens at once (disable,
     * role change, password reset or change). See auth/token-epochs.ts.
     */
    tokenEpoch: integer().notNull().default(0),
    /** When token_epoch last changed: only changes younger than an access token's life matter. */
    tokenEpochChangedAt: timestamp({ withTimezone: true, precision: 3 }),
    /** Staff two-factor sign-in (RFC 6238): the secret as a PII envelope (lib/pii), set once enabled. */
    totpSecretEnc: text(),
    /** A secret issued by setup and not yet confirmed with a code (replaced by each setup). */
    totpPendingSecretEnc: text(),
    totpEnabledAt: timestamp({ withTimezone: true, precision: 3 }),
    /** The last accepted 30 s time step: a code of this step or an earlier one is never accepted again. */
    totpLastStep: bigint({ mode: 'number' }),
  },
  (t) => [
    uniqueIndex().on(t.phone),
    index().on(t.communityId),
    // organizers' member lists: newest members of a community first
    index('users_community_created_idx').on(t.communityId, t.createdAt.desc(), t.id.desc()),
    // admin user lists: keyset by newest within a role and district
    index('users_role_district_created_idx').on(t.role, t.districtId, t.createdAt.desc(), t.id.desc()),
    // admin user search by name (any part of it)
    index('users_display_name_trgm_idx').using('gin', t.displayName.op('gin_trgm_ops')),
    index('users_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('users_token_epoch_changed_idx').on(t.tokenEpochChangedAt).where(sql`${t.tokenEpochChangedAt} IS NOT NULL`),
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
