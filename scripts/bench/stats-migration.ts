/**
 * How long the statistics migration (tips.first_decided_at backfill from the history, the covering
 * index, the daily summary and its triggers) takes on a copy of the scale data set:
 *
 *   createdb -h 127.0.0.1 -U postgres -T hy_scale hy_scale_stats
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/hy_scale_stats npx tsx scripts/bench/stats-migration.ts
 *
 * Every migration before it is applied first (untimed), from a copy of the folder without it.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { migrationsFolder } from '../../api/src/db/client';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hy_scale_stats';
const TAG = /_tip_statistics$/;

const pool = new pg.Pool({ connectionString: url, max: 1 });
const db = drizzle(pool);
const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
const before = mkdtempSync(path.join(tmpdir(), 'hy-migrations-'));
cpSync(migrationsFolder, before, { recursive: true });
for (const f of readdirSync(before)) if (TAG.test(f.replace(/\.sql$/, ''))) rmSync(path.join(before, f));
writeFileSync(path.join(before, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.filter((e) => !TAG.test(e.tag)) }));

let t0 = Date.now();
await migrate(db, { migrationsFolder: before });
process.stdout.write(`earlier migrations: ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
const { rows } = await pool.query<{ tips: number; history: number }>('SELECT (SELECT count(*)::int FROM tips) AS tips, (SELECT count(*)::int FROM tip_history) AS history');
t0 = Date.now();
await migrate(db, { migrationsFolder });
const seconds = (Date.now() - t0) / 1000;
const { rows: after } = await pool.query<{ summary: number; decided: number }>(
  'SELECT (SELECT count(*)::int FROM tip_daily_stats) AS summary, (SELECT count(*)::int FROM tips WHERE first_decided_at IS NOT NULL) AS decided',
);
process.stdout.write(
  `statistics migration on ${rows[0].tips} tips, ${rows[0].history} history rows: ${seconds.toFixed(1)} s; ${after[0].decided} first decisions backfilled, ${after[0].summary} summary rows\n`,
);
await pool.query('VACUUM (ANALYZE) tips, tip_daily_stats');
await pool.end();
rmSync(before, { recursive: true, force: true });
