import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tips } from './tips';
import { users } from './users';

export const messageSideEnum = pgEnum('message_side', ['reporter', 'police']);

/** One thread per tip between police of its district ("Police") and its reporter ("Tipster"). */
export const messages = pgTable(
  'messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    tipId: uuid()
      .notNull()
      .references(() => tips.id, { onDelete: 'cascade' }),
    side: messageSideEnum().notNull(),
    /** The police author (audited); always null for the reporter's side. */
    policeAuthorId: uuid().references(() => users.id),
    body: text().notNull(),
    readAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.tipId, t.createdAt),
    // Unread badges (polled by every signed-in volunteer and desk): only unread rows are indexed.
    index('messages_unread_idx').on(t.side, t.tipId).where(sql`${t.readAt} IS NULL`),
  ],
);
