/**
 * How long the statistics migrations take on a copy of the scale data set (2M tips, 3.9M history
 * rows), in the two states a real database can be in:
 *
 *   1. "first version": it applied the first version of 0016 (tips.first_decided_at, filled by an
 *      UPDATE of every tip), as hy_scale was seeded until 2026-11-30 — timed: 0018 alone (first
 *      decisions into their own table, the column and its index dropped, the index rebuilt).
 *   2. "before statistics": it stopped at 0015 — timed: 0016 and 0018 (summary table and triggers,
 *      indexes, first decisions). The copy is taken back to that state first (the statistics
 *      objects dropped, their journal rows removed); migrations of other features that came after
 *      0015 stay applied and are not re-run.
 *
 *   createdb -h 127.0.0.1 -U postgres -T hy_scale hy_scale_stats     # nobody may be connected to hy_scale
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/hy_scale_stats npx tsx scripts/bench/stats-migration.ts
 *   dropdb -h 127.0.0.1 -U postgres hy_scale_stats
 *
 * A copy is required: the script refuses hy_scale itself. Each scenario is one `migrate()` call, as
 * the app's start-up runs it (one transaction); the copy ends fully migrated and vacuumed.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { migrationsFolder } from '../../api/src/db/client';
import { machine } from './support';

const { values } = parseArgs({ options: { scenario: { type: 'string', default: 'both' } } });
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hy_scale_stats';
const dbName = decodeURIComponent(new URL(url).pathname.slice(1));
if (!/^hy_scale_[a-z0-9_]+$/.test(dbName)) throw new Error(`refusing "${dbName}": run this on a copy (createdb -T hy_scale hy_scale_stats)`);

type Entry = { idx: number; when: number; tag: string };
const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: Entry[] };
const entry = (suffix: string) => {
  const e = journal.entries.find((x) => x.tag.endsWith(suffix));
  if (!e) throw new Error(`no migration *${suffix}`);
  return e;
};
const STATISTICS = entry('_tip_statistics');
const FIRST_DECISIONS = entry('_tip_first_decisions');

const pool = new pg.Pool({ connectionString: url, max: 1 });
const db = drizzle(pool);
const q = <R extends pg.QueryResultRow>(text: string, params: unknown[] = []) => pool.query<R>(text, params);

/** Runs the migrator on a copy of the folder whose journal holds only `keep` entries. */
async function migrateOnly(keep: (e: Entry) => boolean): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hy-migrations-'));
  try {
    cpSync(migrationsFolder, dir, { recursive: true });
    writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.filter(keep) }));
    const t0 = Date.now();
    await migrate(db, { migrationsFolder: dir });
    return (Date.now() - t0) / 1000;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hasColumn = async () =>
  (await q(`SELECT 1 FROM information_schema.columns WHERE table_name = 'tips' AND column_name = 'first_decided_at'`)).rowCount === 1;

async function check(label: string, seconds: number): Promise<void> {
  const [r] = (
    await q<{ firsts: number; expected: number; summary: number }>(
      `SELECT (SELECT count(*)::int FROM tip_first_decisions) AS firsts,
              (SELECT count(DISTINCT tip_id)::int FROM tip_history WHERE kind = 'status' AND to_status IN ('valid', 'invalid', 'duplicate', 'needs_info')) AS expected,
              (SELECT count(*)::int FROM tip_daily_stats) AS summary`,
    )
  ).rows;
  const ok = r.firsts === r.expected && !(await hasColumn());
  process.stdout.write(
    `${label}: ${seconds.toFixed(1)} s — ${r.firsts} first decisions (history: ${r.expected}), ${r.summary} summary rows, tips.first_decided_at ${(await hasColumn()) ? 'still there' : 'gone'}${ok ? '' : ' — WRONG'}\n`,
  );
  if (!ok) process.exitCode = 1;
}

async function main(): Promise<void> {
  const [{ tips, history }] = (
    await q<{ tips: number; history: number }>(`SELECT (SELECT count(*)::int FROM tips) AS tips, (SELECT count(*)::int FROM tip_history) AS history`)
  ).rows;
  process.stdout.write(`${dbName}: ${tips} tips, ${history} history rows; ${JSON.stringify(machine())}\n`);
  const applied = async () => (await q<{ hash: string; created_at: string }>(`SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at`)).rows;
  const scenarios = values.scenario === 'both' ? ['first-version', 'before-statistics'] : [values.scenario!];

  for (const scenario of scenarios) {
    if (scenario === 'first-version') {
      if (!(await hasColumn())) {
        // A copy seeded after 0018: put the first version's traces back (untimed) — the column
        // (empty: dropping a column costs the same whatever it holds) and the index including it.
        const t0 = Date.now();
        await q(`DROP TABLE IF EXISTS tip_first_decisions`);
        await q(`DROP INDEX IF EXISTS tips_stats_period_idx, verifications_due_idx`);
        await q(`ALTER TABLE tips ADD COLUMN first_decided_at timestamp (3) with time zone`);
        await q(`CREATE INDEX tips_stats_period_idx ON tips (district_id, created_at) INCLUDE (reporter_id, first_decided_at)`);
        await q(`DELETE FROM drizzle.__drizzle_migrations WHERE created_at >= $1`, [FIRST_DECISIONS.when]);
        process.stdout.write(`(first-version state recreated on the copy in ${((Date.now() - t0) / 1000).toFixed(1)} s, untimed)\n`);
      }
      const last = Math.max(...(await applied()).map((r) => Number(r.created_at)));
      if (last >= FIRST_DECISIONS.when) throw new Error('0018 or a later migration is applied on this copy: take a fresh copy');
      // Everything up to 0018; migrations of others after it run when the app starts.
      const seconds = await migrateOnly((e) => e.idx <= FIRST_DECISIONS.idx);
      await check('first version of 0016 applied → 0018', seconds);
    } else if (scenario === 'before-statistics') {
      // Back to a database that stopped at 0015: the statistics objects dropped, their journal rows removed.
      await q(`DROP TRIGGER IF EXISTS tips_daily_stats_insert ON tips`);
      await q(`DROP TRIGGER IF EXISTS tips_daily_stats_update ON tips`);
      await q(`DROP TRIGGER IF EXISTS tips_daily_stats_delete ON tips`);
      await q(`DROP FUNCTION IF EXISTS tip_daily_stats_sync()`);
      await q(`DROP TABLE IF EXISTS tip_daily_stats, tip_first_decisions`);
      await q(`DROP INDEX IF EXISTS tips_stats_period_idx, cases_district_created_idx, cases_district_solved_idx, verifications_due_idx`);
      await q(`ALTER TABLE tips DROP COLUMN IF EXISTS first_decided_at`);
      await q(`DROP FUNCTION IF EXISTS hy_stats_day(timestamptz)`);
      const others = (await applied()).filter((r) => Number(r.created_at) >= STATISTICS.when && ![STATISTICS.when, FIRST_DECISIONS.when].includes(Number(r.created_at)));
      await q(`DELETE FROM drizzle.__drizzle_migrations WHERE created_at >= $1`, [STATISTICS.when]);
      await q(`CHECKPOINT`);
      const seconds = await migrateOnly((e) => e.idx < STATISTICS.idx || e.idx === STATISTICS.idx || e.idx === FIRST_DECISIONS.idx);
      // The other features' migrations stay applied: their journal rows go back.
      for (const r of others) await q(`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)`, [r.hash, r.created_at]);
      await check('stopped at 0015 → 0016 + 0018', seconds);
    } else throw new Error(`unknown --scenario ${scenario}`);
  }
  // Whatever came after 0018 (0019: reference sequences, 0020: the map's cell summary, filled from every tip), timed too.
  const later = journal.entries.filter((e) => e.idx > FIRST_DECISIONS.idx).map((e) => e.tag);
  if (later.length) process.stdout.write(`later migrations (${later.join(', ')}): ${(await migrateOnly(() => true)).toFixed(1)} s\n`);
  const t0 = Date.now();
  await q('VACUUM (ANALYZE) tips, tip_first_decisions, tip_daily_stats');
  process.stdout.write(`then VACUUM (ANALYZE) tips, tip_first_decisions, tip_daily_stats: ${((Date.now() - t0) / 1000).toFixed(1)} s (not part of the upgrade; autovacuum does it too)\n`);
}

try {
  await main();
} finally {
  await pool.end();
}
