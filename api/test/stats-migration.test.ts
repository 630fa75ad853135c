import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrationsFolder, type Database } from '../src/db/client';
import { seedReference } from '../src/db/seed';
import { openTestDatabase } from './support/db';

type Journal = { entries: { tag: string }[] };

/**
 * Applies a copy of the migrations folder, cut after `lastTag`, with `replace` swapping files
 * (tag → SQL text): the database a deployment had at some earlier time.
 */
async function migrateCopy(database: Database, o: { lastTag?: string; replace?: Record<string, string> } = {}): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hy-migrations-'));
  try {
    cpSync(migrationsFolder, dir, { recursive: true });
    const journalFile = path.join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
    if (o.lastTag) {
      const last = journal.entries.findIndex((e) => e.tag === o.lastTag);
      expect(last, `migration ${o.lastTag}`).to.be.at.least(0);
      journal.entries = journal.entries.slice(0, last + 1);
    }
    writeFileSync(journalFile, JSON.stringify(journal));
    for (const [tag, text] of Object.entries(o.replace ?? {})) writeFileSync(path.join(dir, `${tag}.sql`), text);
    if (database.kind === 'pglite') await migratePglite(database.db as never, { migrationsFolder: dir });
    else await migratePg(database.db, { migrationsFolder: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const tagOf = (suffix: string) => {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
  const entry = journal.entries.find((e) => e.tag.endsWith(suffix));
  expect(entry, suffix).to.not.equal(undefined);
  return entry!.tag;
};

/**
 * The first version of migration 0016 added tips.first_decided_at and filled it with an UPDATE of
 * every tip (over 45 minutes on 2M tips). 0016 no longer does; first decisions live in
 * tip_first_decisions (0018). A database that applied the first version must end the same.
 */
describe('migrating first decisions out of tips (0016 first version → 0018)', function () {
  this.timeout(180_000);
  let database: Database;
  let drop: () => Promise<void>;
  const H = 3_600_000;
  const t0 = Date.parse('2024-05-06T02:00:00Z');

  before(async () => {
    ({ database, drop } = await openTestDatabase());
    const firstVersion = readFileSync(path.join(import.meta.dirname, 'fixtures', '0016_tip_statistics.first-version.sql'), 'utf8');
    await migrateCopy(database, { lastTag: tagOf('_open311_api_keys'), replace: { [tagOf('_tip_statistics')]: firstVersion } });
    await seedReference(database.db);
    const x = (query: ReturnType<typeof sql>) => database.db.execute(query);
    // Four tips: decided after 1 h, needing information after 2 h then valid, reversed (first
    // decision after 3 h kept), never decided. The first version's code set first_decided_at too.
    const made: [string, string, number | null][] = [
      ['HY-MIGR-1', 'valid', 1],
      ['HY-MIGR-2', 'valid', 2],
      ['HY-MIGR-3', 'submitted', 3],
      ['HY-MIGR-4', 'submitted', null],
    ];
    for (const [i, [reference, status, hours]] of made.entries()) {
      const created = new Date(t0 + i * H).toISOString();
      const decided = hours === null ? null : new Date(t0 + i * H + hours * H).toISOString();
      const [{ id }] = (
        await x(sql`INSERT INTO tips (reference, category, description, occurred_at, district_id, is_anonymous, status, first_decided_at, created_at)
          VALUES (${reference}, 'fraud', '迁移测试', ${created}, ${1 + i}, true, ${status}, ${decided}, ${created}) RETURNING id`)
      ).rows as { id: string }[];
      await x(sql`INSERT INTO tip_history (tip_id, kind, to_status, is_visible_to_reporter, created_at) VALUES (${id}, 'status', 'submitted', true, ${created})`);
      if (decided === null) continue;
      const first = reference === 'HY-MIGR-2' ? 'needs_info' : reference === 'HY-MIGR-3' ? 'invalid' : 'valid';
      await x(sql`INSERT INTO tip_history (tip_id, kind, from_status, to_status, is_visible_to_reporter, created_at)
        VALUES (${id}, 'status', 'submitted', ${first}, true, ${decided})`);
      const later = new Date(Date.parse(decided) + H).toISOString();
      if (reference === 'HY-MIGR-2')
        await x(sql`INSERT INTO tip_history (tip_id, kind, from_status, to_status, is_visible_to_reporter, created_at) VALUES (${id}, 'status', 'needs_info', 'valid', true, ${later})`);
      if (reference === 'HY-MIGR-3')
        await x(sql`INSERT INTO tip_history (tip_id, kind, from_status, to_status, is_visible_to_reporter, created_at) VALUES (${id}, 'status', 'invalid', 'submitted', true, ${later})`);
    }
    const { rows } = await x(sql`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'tips' AND column_name = 'first_decided_at'`);
    expect(Number((rows[0] as { n: number }).n), 'the first version added the column').to.equal(1);
    await migrateCopy(database);
  });
  after(() => drop());

  it('fills tip_first_decisions from the history and drops the column and its index from tips', async () => {
    const q = async (query: ReturnType<typeof sql>) => (await database.db.execute(query)).rows as Record<string, unknown>[];
    const firsts = await q(sql`SELECT t.reference, f.district_id, f.submitted_at = t.created_at AS same_submission,
        extract(epoch FROM f.first_decided_at - f.submitted_at)::int / 3600 AS hours
      FROM tip_first_decisions f JOIN tips t ON t.id = f.tip_id ORDER BY t.reference`);
    expect(firsts).to.deep.equal([
      { reference: 'HY-MIGR-1', district_id: 1, same_submission: true, hours: 1 },
      { reference: 'HY-MIGR-2', district_id: 2, same_submission: true, hours: 2 },
      { reference: 'HY-MIGR-3', district_id: 3, same_submission: true, hours: 3 },
    ]);
    expect(await q(sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'tips' AND column_name = 'first_decided_at'`)).to.deep.equal([]);
    const [index] = await q(sql`SELECT indexdef FROM pg_indexes WHERE indexname = 'tips_stats_period_idx'`);
    // Without first_decided_at (0018); 0022 added what the map over a period reads.
    expect(String(index.indexdef)).to.match(/\(district_id, created_at\) INCLUDE \(reporter_id, status, lng, lat, category\)$/);
  });

  it('leaves a database migrated from scratch with the same tables and indexes', async () => {
    const fresh = await openTestDatabase();
    try {
      await migrateCopy(fresh.database);
      const shape = async (d: Database) =>
        (
          await d.db.execute(sql`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('tips', 'tip_first_decisions', 'verifications') ORDER BY 1, 2`)
        ).rows;
      const columns = async (d: Database) =>
        (await d.db.execute(sql`SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name IN ('tips', 'tip_first_decisions') ORDER BY 1, 2`)).rows;
      expect(await shape(database)).to.deep.equal(await shape(fresh.database));
      expect(await columns(database)).to.deep.equal(await columns(fresh.database));
    } finally {
      await fresh.drop();
    }
  });
});
