import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { REDEMPTION_STATUSES } from '@hy/schemas/reward-rules';
import { communities } from './places';
import { users } from './users';

export const rewards = pgTable(
  'rewards',
  {
    id: uuid().primaryKey().defaultRandom(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    descriptionZh: text().notNull().default(''),
    descriptionEn: text().notNull().default(''),
    cost: integer().notNull(),
    stock: integer().notNull(),
    isActive: boolean().notNull().default(true),
    activeFrom: timestamp({ withTimezone: true, precision: 3 }),
    activeUntil: timestamp({ withTimezone: true, precision: 3 }),
    /** Null: city-wide (admin); else offered by an organizer to one community. */
    communityId: integer().references(() => communities.id),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    check('rewards_cost_positive', sql`${t.cost} > 0`),
    check('rewards_stock_non_negative', sql`${t.stock} >= 0`),
  ],
);

export const redemptionStatusEnum = pgEnum('redemption_status', REDEMPTION_STATUSES);

export const redemptions = pgTable(
  'redemptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    rewardId: uuid()
      .notNull()
      .references(() => rewards.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** The volunteer's community when redeeming: whose organizers manage it. */
    communityId: integer().references(() => communities.id),
    cost: integer().notNull(),
    status: redemptionStatusEnum().notNull().default('pending'),
    decidedById: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true, precision: 3 }),
    note: text(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId, t.createdAt.desc()), index().on(t.communityId, t.status, t.createdAt)],
);
