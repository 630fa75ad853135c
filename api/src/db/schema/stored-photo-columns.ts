import { integer, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The columns of a stored photo, the same for a tip's photos (`media`) and an on-site check's
 * (`verification_photos`): both go through modules/media/stored-photos.ts (re-encoded, metadata
 * stripped, stored under a server-made key). A function, so each table gets its own builders.
 */
export const storedPhotoColumns = () => ({
  /** Server-generated relative path under UPLOAD_DIR; never derived from the client's name. */
  storageKey: text().notNull(),
  mimeType: text().notNull(),
  bytes: integer().notNull(),
  width: integer().notNull(),
  height: integer().notNull(),
  sha256: text().notNull(),
  position: smallint().notNull().default(0),
  purgedAt: timestamp({ withTimezone: true, precision: 3 }),
});
