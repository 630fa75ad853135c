import { createHash } from 'node:crypto';
import { asc, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from './client';
import type { GeographyFile } from './geography-file';
import hengyang from './geo/hengyang.json' with { type: 'json' };
import { communities } from './schema/index';

export const GEOGRAPHY = hengyang as GeographyFile;

/** Any lock id of this app's own (the migrator holds 726354001). */
const GEOGRAPHY_LOCK = 726354002;

type TownshipRow = { code: string; district_id: number; name_zh: string; name_en: string };
type CommunityRecord = TownshipRow & { township_code: string; pinyin: string; initials: string };

const TOWNSHIP_ROWS: TownshipRow[] = GEOGRAPHY.districts.flatMap((d) =>
  d.townships.map((t) => ({ code: t.code, district_id: d.id, name_zh: t.nameZh, name_en: t.nameEn })),
);
const COMMUNITY_ROWS: CommunityRecord[] = GEOGRAPHY.districts.flatMap((d) =>
  d.townships.flatMap((t) =>
    t.communities.map(([code, nameZh, nameEn, pinyin, initials]) => ({
      code,
      district_id: d.id,
      township_code: t.code,
      name_zh: nameZh,
      name_en: nameEn,
      pinyin,
      initials,
    })),
  ),
);

const md5 = (lines: string[]) => createHash('md5').update(lines.sort().join('\n')).digest('hex');
/** What the tables hold when they hold exactly the file: compared with the same digest computed in SQL. */
const EXPECTED = {
  townships: md5(TOWNSHIP_ROWS.map((t) => [t.code, t.district_id, t.name_zh, t.name_en].join('|'))),
  communities: md5(COMMUNITY_ROWS.map((c) => [c.code, c.township_code, c.district_id, c.name_zh, c.name_en, c.pinyin, c.initials].join('|'))),
};

/**
 * Loads the real townships and communities (geo/hengyang.json) and migrates the rows of the
 * earlier placeholder geography into them. Runs at every start, after the migrations:
 * - a digest of both tables, computed in SQL, equal to the file's: nothing to do (one query);
 * - else one upsert per table from a single JSON parameter (json_to_recordset: thousands of
 *   rows without thousands of bind parameters), keyed by division code, writing only rows that
 *   changed;
 * - every community without a code (the 59 seeded placeholders of before) is merged into a real
 *   community of the same district: references move, member counts and community leaderboard
 *   totals add up, then the old row is removed. Nothing a volunteer earned is lost.
 */
export async function syncGeography(db: Db): Promise<void> {
  if (await isCurrent(db)) return;
  await db.transaction(async (tx) => {
    // Two instances starting together: one loads, the other then finds nothing left to change.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${GEOGRAPHY_LOCK})`);
    await upsertTownships(tx);
    await upsertCommunities(tx);
    await mergePlaceholders(tx);
  });
}

async function isCurrent(db: DbOrTx): Promise<boolean> {
  // Digits-only codes sort the same under every collation, as in JavaScript.
  const result = await db.execute<{ townships: string | null; communities: string | null; placeholders: number }>(sql`
    SELECT
      (SELECT md5(string_agg(code || '|' || district_id || '|' || name_zh || '|' || name_en, E'\n' ORDER BY code)) FROM townships) AS townships,
      (SELECT md5(string_agg(c.code || '|' || t.code || '|' || c.district_id || '|' || c.name_zh || '|' || c.name_en || '|' || c.pinyin || '|' || c.initials, E'\n' ORDER BY c.code))
         FROM communities c JOIN townships t ON t.id = c.township_id) AS communities,
      (SELECT count(*)::int FROM communities WHERE code IS NULL OR township_id IS NULL) AS placeholders`);
  const [row] = result.rows;
  return row.placeholders === 0 && row.townships === EXPECTED.townships && row.communities === EXPECTED.communities;
}

async function upsertTownships(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`
    INSERT INTO townships (code, district_id, name_zh, name_en)
    SELECT code, district_id, name_zh, name_en
    FROM json_to_recordset(${JSON.stringify(TOWNSHIP_ROWS)}::json) AS x(code text, district_id smallint, name_zh text, name_en text)
    ON CONFLICT (code) DO UPDATE SET district_id = excluded.district_id, name_zh = excluded.name_zh, name_en = excluded.name_en
    WHERE (townships.district_id, townships.name_zh, townships.name_en) IS DISTINCT FROM (excluded.district_id, excluded.name_zh, excluded.name_en)`);
}

async function upsertCommunities(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`
    INSERT INTO communities (code, district_id, township_id, name_zh, name_en, pinyin, initials)
    SELECT x.code, x.district_id, t.id, x.name_zh, x.name_en, x.pinyin, x.initials
    FROM json_to_recordset(${JSON.stringify(COMMUNITY_ROWS)}::json)
      AS x(code text, district_id smallint, township_code text, name_zh text, name_en text, pinyin text, initials text)
    JOIN townships t ON t.code = x.township_code
    ON CONFLICT (code) DO UPDATE SET district_id = excluded.district_id, township_id = excluded.township_id, name_zh = excluded.name_zh,
      name_en = excluded.name_en, pinyin = excluded.pinyin, initials = excluded.initials
    WHERE (communities.district_id, communities.township_id, communities.name_zh, communities.name_en, communities.pinyin, communities.initials)
      IS DISTINCT FROM (excluded.district_id, excluded.township_id, excluded.name_zh, excluded.name_en, excluded.pinyin, excluded.initials)`);
}

/** 天马山街道 → 天马山: the placeholder names were townships; compare without the generic part. */
const properName = (name: string) => name.replace(/(街道|镇|乡)$/, '');

/**
 * The real community a placeholder row becomes: the first (by code) of the township of the same
 * name in the same district when there is one (人民路街道 ~ 人民街道 match by prefix), else the
 * first of the district.
 */
export function placeholderTarget(old: { districtId: number; nameZh: string }): string {
  const district = GEOGRAPHY.districts.find((d) => d.id === old.districtId);
  if (!district) throw new Error(`community of unknown district ${old.districtId}`);
  const name = properName(old.nameZh);
  const township =
    district.townships.find((t) => properName(t.nameZh) === name) ??
    district.townships.find((t) => name.startsWith(properName(t.nameZh)) || properName(t.nameZh).startsWith(name)) ??
    district.townships[0];
  return township.communities[0][0];
}

async function mergePlaceholders(tx: DbOrTx): Promise<void> {
  const old = await tx
    .select({ id: communities.id, districtId: communities.districtId, nameZh: communities.nameZh })
    .from(communities)
    .where(isNull(communities.code))
    .orderBy(asc(communities.id));
  if (old.length === 0) return;

  const moves = sql.join(
    old.map((o) => sql`(${o.id}::int, ${placeholderTarget(o)}::text)`),
    sql`, `,
  );
  await tx.execute(sql`CREATE TEMPORARY TABLE community_moves ON COMMIT DROP AS
    SELECT m.old_id, c.id AS new_id FROM (VALUES ${moves}) AS m(old_id, code) JOIN communities c ON c.code = m.code`);

  // Community leaderboard totals are keyed by community: add the placeholder's into the target's.
  await tx.execute(sql`INSERT INTO community_period_points (period, period_start, community_id, district_id, points)
    SELECT p.period, p.period_start, m.new_id, p.district_id, sum(p.points)::int
    FROM community_period_points p JOIN community_moves m ON m.old_id = p.community_id
    GROUP BY p.period, p.period_start, m.new_id, p.district_id
    ON CONFLICT (period, period_start, community_id) DO UPDATE SET points = community_period_points.points + excluded.points`);
  await tx.execute(sql`DELETE FROM community_period_points p USING community_moves m WHERE p.community_id = m.old_id`);

  // Every other reference (users, tips, rewards, redemptions, user totals, and whatever table a
  // later module adds) found from the catalog, so none is forgotten.
  const refs = await tx.execute<{ tbl: string; col: string }>(sql`
    SELECT c.conrelid::regclass::text AS tbl, a.attname AS col
    FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
    WHERE c.contype = 'f' AND c.confrelid = 'communities'::regclass AND c.conrelid <> 'community_period_points'::regclass`);
  for (const { tbl, col } of refs.rows) {
    const column = sql.identifier(col);
    await tx.execute(sql`UPDATE ${sql.raw(tbl)} t SET ${column} = m.new_id FROM community_moves m WHERE t.${column} = m.old_id`);
  }

  await tx.execute(sql`UPDATE communities c SET member_count = c.member_count + s.n
    FROM (SELECT m.new_id, sum(o.member_count)::int AS n FROM community_moves m JOIN communities o ON o.id = m.old_id GROUP BY m.new_id) s
    WHERE c.id = s.new_id`);
  await tx.execute(sql`DELETE FROM communities c USING community_moves m WHERE c.id = m.old_id`);
}
