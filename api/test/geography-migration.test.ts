import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrationsFolder, type Database } from '../src/db/client';
import { seedReference } from '../src/db/seed';
import { DISTRICTS, unitsFor } from '../src/db/seed-data';
import { PLACEHOLDER_COMMUNITIES } from './fixtures/placeholder-communities';
import { openTestDatabase } from './support/db';

/** The migrations up to the one before the real geography: the database a deployment had then. */
function tagBeforeGeography(): string {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith('_real_geography'));
  expect(at, 'the real geography migration').to.be.greaterThan(0);
  return journal.entries[at - 1].tag;
}

/** Applies the migrations up to and including `lastTag` (a copy of the folder with a shorter journal). */
async function migrateUpTo(database: Database, lastTag: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hy-migrations-'));
  try {
    cpSync(migrationsFolder, dir, { recursive: true });
    const journalFile = path.join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const last = journal.entries.findIndex((e) => e.tag === lastTag);
    expect(last, `migration ${lastTag}`).to.be.at.least(0);
    journal.entries = journal.entries.slice(0, last + 1);
    writeFileSync(journalFile, JSON.stringify(journal));
    if (database.kind === 'pglite') await migratePglite(database.db as never, { migrationsFolder: dir });
    else await migratePg(database.db, { migrationsFolder: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Snapshot = Record<string, unknown[]>;

/** Per-user and per-district figures that must survive the migration unchanged. */
async function figures(database: Database): Promise<Snapshot> {
  const q = async (query: ReturnType<typeof sql>) => (await database.db.execute(query)).rows;
  return {
    balances: await q(sql`SELECT id, points_balance, district_id FROM users ORDER BY id`),
    ledger: await q(sql`SELECT user_id, sum(delta)::int AS total, count(*)::int AS n FROM points_ledger GROUP BY user_id ORDER BY user_id`),
    userTotals: await q(sql`SELECT user_id, period, period_start::text, district_id, points FROM user_period_points ORDER BY 1, 2, 3`),
    communityTotals: await q(sql`SELECT period, period_start::text, district_id, sum(points)::int AS points
      FROM community_period_points GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
    members: await q(sql`SELECT district_id, sum(member_count)::int AS members FROM communities GROUP BY 1 ORDER BY 1`),
    tips: await q(sql`SELECT t.id, t.district_id FROM tips t ORDER BY t.id`),
    rewards: await q(sql`SELECT id, stock FROM rewards ORDER BY id`),
    redemptions: await q(sql`SELECT id, cost FROM redemptions ORDER BY id`),
  };
}

describe('migrating from the placeholder communities to the real geography', function () {
  this.timeout(180_000);
  let database: Database;
  let drop: () => Promise<void>;
  let original: Snapshot;

  before(async () => {
    ({ database, drop } = await openTestDatabase());
    await migrateUpTo(database, tagBeforeGeography());
    const x = (query: ReturnType<typeof sql>) => database.db.execute(query);
    // The reference data exactly as the seed of that time wrote it.
    for (const d of DISTRICTS) {
      await x(sql`INSERT INTO districts (id, code, name_zh, name_en) VALUES (${d.id}, ${d.code}, ${d.nameZh}, ${d.nameEn})`);
      for (const [zh, en] of unitsFor(d)) await x(sql`INSERT INTO police_units (district_id, name_zh, name_en) VALUES (${d.id}, ${zh}, ${en})`);
    }
    for (const [districtId, zh, en] of PLACEHOLDER_COMMUNITIES) {
      await x(sql`INSERT INTO communities (district_id, name_zh, name_en) VALUES (${districtId}, ${zh}, ${en})`);
    }
    // A community no township is named after: it joins the district's first township's first
    // community, like 金龙坪街道 (gone from the division codes) and 先锋街道 (named so) do.
    await x(sql`INSERT INTO communities (district_id, name_zh, name_en) VALUES (1, '城区机关', 'City Offices')`);

    // Volunteers of several old communities, with points, totals, tips, a reward and a redemption.
    await x(sql`
      WITH old AS (SELECT id, district_id, row_number() OVER (ORDER BY id) AS n FROM communities)
      INSERT INTO users (id, phone, password_hash, display_name, role, community_id, district_id, points_balance)
      SELECT ('00000000-0000-4000-8000-' || lpad(old.n::text, 12, '0'))::uuid, '1390000' || lpad(old.n::text, 4, '0'), 'x',
             'volunteer ' || old.n, 'volunteer', old.id, old.district_id, 10 * old.n
      FROM old`);
    await x(sql`UPDATE communities c SET member_count = 1`);
    await x(sql`INSERT INTO points_ledger (user_id, delta, reason, earned_on)
      SELECT id, points_balance, 'tip_validated', '2026-11-02' FROM users`);
    for (const [period, start] of [['week', '2026-11-02'], ['all', '1970-01-01']]) {
      await x(sql`INSERT INTO user_period_points (period, period_start, user_id, community_id, district_id, points)
        SELECT ${period}::period, ${start}::date, id, community_id, district_id, points_balance FROM users`);
      await x(sql`INSERT INTO community_period_points (period, period_start, community_id, district_id, points)
        SELECT ${period}::period, ${start}::date, community_id, district_id, sum(points_balance) FROM users GROUP BY community_id, district_id`);
    }
    await x(sql`INSERT INTO tips (reference, reporter_id, category, description, occurred_at, district_id, community_id)
      SELECT 'HY-20261102-' || lpad(row_number() OVER (ORDER BY id)::text, 4, '0'), id, 'fraud', 'old tip', now(), district_id, community_id FROM users`);
    await x(sql`INSERT INTO rewards (name_zh, name_en, cost, stock, community_id)
      SELECT '社区奖品 ' || id, 'Community prize ' || id, 20, 5, id FROM communities`);
    await x(sql`INSERT INTO redemptions (reward_id, user_id, community_id, cost)
      SELECT r.id, u.id, u.community_id, 20 FROM users u JOIN rewards r ON r.community_id = u.community_id`);
    original = await figures(database);

    await database.migrate();
    await seedReference(database.db);
  });

  after(async () => {
    await drop?.();
  });

  it('leaves only the real villages and communities, each with its code, township and pinyin', async () => {
    const { rows } = await database.db.execute<{ n: number; coded: number; placeholders: number; townships: number }>(sql`
      SELECT count(*)::int AS n, count(code)::int AS coded,
             count(*) FILTER (WHERE name_zh IN ('天马山街道', '城区机关') AND code IS NULL)::int AS placeholders,
             (SELECT count(*)::int FROM townships) AS townships
      FROM communities WHERE township_id IS NOT NULL AND pinyin <> ''`);
    expect(rows[0]).to.deep.equal({ n: 2760, coded: 2760, placeholders: 0, townships: 189 });
    const total = await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM communities`);
    expect(total.rows[0].n).to.equal(2760);
  });

  it('keeps every volunteer, balance, ledger entry, leaderboard total, tip, reward and redemption', async () => {
    expect(await figures(database)).to.deep.equal(original);
  });

  it('moves every reference to a real community of the same district', async () => {
    const { rows } = await database.db.execute<{ tbl: string; wrong: number }>(sql`
      SELECT 'users' AS tbl, count(*)::int AS wrong FROM users u LEFT JOIN communities c ON c.id = u.community_id
        WHERE c.code IS NULL OR c.district_id <> u.district_id
      UNION ALL SELECT 'tips', count(*)::int FROM tips t LEFT JOIN communities c ON c.id = t.community_id
        WHERE c.code IS NULL OR c.district_id <> t.district_id
      UNION ALL SELECT 'user_period_points', count(*)::int FROM user_period_points p LEFT JOIN communities c ON c.id = p.community_id
        WHERE c.code IS NULL OR c.district_id <> p.district_id
      UNION ALL SELECT 'community_period_points', count(*)::int FROM community_period_points p LEFT JOIN communities c ON c.id = p.community_id
        WHERE c.code IS NULL OR c.district_id <> p.district_id
      UNION ALL SELECT 'rewards', count(*)::int FROM rewards r LEFT JOIN communities c ON c.id = r.community_id WHERE c.code IS NULL
      UNION ALL SELECT 'redemptions', count(*)::int FROM redemptions r JOIN users u ON u.id = r.user_id
        WHERE r.community_id IS DISTINCT FROM u.community_id`);
    expect(rows).to.deep.equal(
      ['users', 'tips', 'user_period_points', 'community_period_points', 'rewards', 'redemptions'].map((tbl) => ({ tbl, wrong: 0 })),
    );
  });

  it('puts the members of 天马山街道 into its first community, and adds up old communities that meet in one', async () => {
    const { rows } = await database.db.execute<{ name: string; code: string; members: number; points: number }>(sql`
      SELECT u.display_name AS name, c.code, c.member_count AS members, p.points
      FROM users u JOIN communities c ON c.id = u.community_id
      JOIN community_period_points p ON p.community_id = c.id AND p.period = 'all'
      WHERE u.display_name IN ('volunteer 1', 'volunteer 2', 'volunteer 5', 'volunteer 60') ORDER BY u.display_name`);
    // 1: 天马山街道 → 岳屏社区 (430406003001); 2: 先锋街道, 5: 金龙坪街道 and 60: 城区机关 → 沿江南路社区 (430406001001)
    const merged = { code: '430406001001', members: 3, points: 20 + 50 + 600 };
    expect(rows).to.deep.equal([
      { name: 'volunteer 1', code: '430406003001', members: 1, points: 10 },
      { name: 'volunteer 2', ...merged },
      { name: 'volunteer 5', ...merged },
      { name: 'volunteer 60', ...merged },
    ]);
  });

  it('changes nothing when it runs again at the next start', async () => {
    const again = await figures(database);
    const ids = await database.db.execute(sql`SELECT id, code FROM communities ORDER BY id`);
    await seedReference(database.db);
    expect(await figures(database)).to.deep.equal(again);
    expect((await database.db.execute(sql`SELECT id, code FROM communities ORDER BY id`)).rows).to.deep.equal(ids.rows);
  });
});
