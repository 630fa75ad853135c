import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tips } from './tips';
import { users } from './users';

/**
 * Keys of integrators (the 12345 hotline, district systems) for Open311 POST requests. Owned by
 * modules/integrations. Only the SHA-256 of a key is stored: the key is 32 random bytes, so a
 * slow hash adds nothing, and a lookup by hash is one index probe per request.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    keyHash: text().notNull().unique(),
    /** The key's first characters, shown in lists so an admin can tell keys apart. */
    prefix: text().notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true, precision: 3 }),
    lastUsedAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (t) => [index('api_keys_created_idx').on(t.createdAt)],
);

/** A tip that arrived through Open311: which key sent it, and the token the standard lets the integrator poll. */
export const open311Requests = pgTable('open311_requests', {
  tipId: uuid()
    .primaryKey()
    .references(() => tips.id, { onDelete: 'cascade' }),
  apiKeyId: uuid()
    .notNull()
    .references(() => apiKeys.id),
  token: text().notNull().unique(),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
