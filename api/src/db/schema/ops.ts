import { bigserial, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { districts } from './places';
import { tips } from './tips';
import { users } from './users';

/**
 * Idempotency-Key records. `scope` is `user:<id>` for signed-in callers and `anon` for anonymous
 * ones (whose key is stored only as a hash and whose stored response is sealed with the key).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    /** Null while the first request is still running. */
    responseStatus: integer(),
    responseBody: jsonb(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index().on(t.createdAt)],
);

/** Who did what, when. Never holds an anonymous tipster's identity (there is none to hold). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    actorId: uuid().references(() => users.id),
    actorRole: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    details: jsonb(),
    /**
     * The district the action happened in (the tip's, the case's, the staff member's): a supervisor
     * reads the entries of their own district. Null for city-level actions (admins only).
     */
    districtId: smallint().references(() => districts.id),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.entityType, t.entityId),
    index().on(t.actorId, t.createdAt),
    // the viewer's pages: newest first, by district for supervisors, by time for the range filters
    index('audit_log_district_id_idx').on(t.districtId, t.id.desc()),
    index('audit_log_created_at_idx').on(t.createdAt.desc(), t.id.desc()),
  ],
);

/** A supervisor's reveal of a registered reporter's identity for one tip, with the written reason. */
export const identityReveals = pgTable(
  'identity_reveals',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    tipId: uuid()
      .notNull()
      .references(() => tips.id),
    supervisorId: uuid()
      .notNull()
      .references(() => users.id),
    reason: text().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.tipId)],
);
