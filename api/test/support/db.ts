import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, type Database } from '../../src/db/client';
import { boardCache } from '../../src/modules/leaderboards/board-cache';
import { forgetQueueCounts } from '../../src/modules/triage/triage.service';

/**
 * The test database: a fresh in-memory PGlite by default, or — when TEST_DATABASE_URL is set —
 * a new database created on that server for this run (dropped afterwards), so parallel runs
 * never share state. Never a mock.
 */
export async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openPglite({});
    return { database, drop: () => database.close() };
  }
  const name = `hy_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openPostgres(target.toString(), { poolSize: 20 });
  return {
    database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Reference data that stays; every other table in `public` is emptied by truncateAll. */
const REFERENCE = ['districts', 'townships', 'communities', 'police_units'];

/** Empties everything tests create. Call it in a `before` when a test needs an empty district. */
export async function truncateAll(database: Database): Promise<void> {
  const result = await database.db.execute<{ tablename: string }>(
    sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const tables = result.rows.map((r) => r.tablename).filter((t) => !REFERENCE.includes(t));
  await database.db.execute(sql.raw(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} CASCADE`));
  await database.db.execute(sql`UPDATE communities SET member_count = 0`);
  // The boards' cached top N and the queue's kept counts described the rows just removed.
  boardCache.clear();
  forgetQueueCounts();
}
