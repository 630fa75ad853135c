/**
 * Scale seed: Hengyang-sized data on a PostgreSQL server, generated inside the database with
 * INSERT … SELECT generate_series (no rows cross the wire), so 2M tips and 10M ledger rows take
 * minutes.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/hy_scale \
 *     npx tsx scripts/seed/scale.ts --tips 2000000 --volunteers 740000 --ledger 10000000 [--reset]
 *
 * The database is created when missing and migrated first. What it writes is consistent the way
 * the services keep it: users.points_balance = sum of the user's ledger, user_period_points and
 * community_period_points = the ledger's ranked reasons per week / month / all time,
 * period_points_histogram = user_period_points counted per points value (city-wide, per district), daily cap
 * respected, no negative balance, communities.member_count = registered volunteers.
 * Volunteers belong to the real villages and communities (2,760, loaded by seedReference), each
 * of which gets an organizer. Every seeded volunteer, officer and organizer signs in with the
 * password SCALE_PASSWORD.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgres, setDb } from '../../api/src/db/client';
import { seedDemo, seedReference } from '../../api/src/db/seed';
import { hashPassword } from '../../api/src/modules/auth/passwords';
import { CAPPED_REASONS, POINT_RULES, RANKED_REASONS } from '../../api/src/modules/points/points.rules';
import type { CategoryId } from '@hy/schemas/categories';
import { SCALE_PASSWORD } from './scale-ids';


/** Share of tips per district, roughly by population; centre for coordinates. */
const DISTRICT_MIX: { id: number; weight: number; lat: number; lng: number }[] = [
  { id: 1, weight: 0.05, lat: 26.88, lng: 112.61 },
  { id: 2, weight: 0.05, lat: 26.9, lng: 112.65 },
  { id: 3, weight: 0.04, lat: 26.93, lng: 112.6 },
  { id: 4, weight: 0.05, lat: 26.9, lng: 112.56 },
  { id: 5, weight: 0.01, lat: 27.25, lng: 112.72 },
  { id: 6, weight: 0.12, lat: 27.0, lng: 112.37 },
  { id: 7, weight: 0.11, lat: 26.74, lng: 112.68 },
  { id: 8, weight: 0.05, lat: 27.23, lng: 112.86 },
  { id: 9, weight: 0.08, lat: 27.08, lng: 112.95 },
  { id: 10, weight: 0.12, lat: 26.79, lng: 112.11 },
  { id: 11, weight: 0.17, lat: 26.42, lng: 112.86 },
  { id: 12, weight: 0.15, lat: 26.41, lng: 112.39 },
];

/** Fraud dominates real tip lines; cult and fugitive reports are rare. */
const CATEGORY_MIX: [CategoryId, number][] = [
  ['fraud', 0.25],
  ['public_order', 0.15],
  ['traffic', 0.12],
  ['safety_hazard', 0.1],
  ['theft_robbery', 0.1],
  ['drugs', 0.08],
  ['other', 0.07],
  ['gangs', 0.05],
  ['illegal_fundraising', 0.04],
  ['fugitive', 0.02],
  ['cult', 0.02],
];

const DESCRIPTIONS = [
  '有人冒充公检法打电话要求转账到安全账户',
  '小区门口有人以高息为诱饵推销理财产品，很多老人参加',
  '夜里有几个人在路边撬车门，已经连续几晚',
  '网吧后面经常有人聚集吸食可疑物品',
  '有一伙人在菜市场收保护费，摊贩敢怒不敢言',
  '路口红绿灯坏了好几天，早晚高峰很危险',
  '出租屋里私拉电线给电动车充电，楼道堆满杂物',
  '有人在微信群里发刷单返利的广告，已有邻居被骗',
  '工地围挡倒塌占用人行道，行人只能走机动车道',
  '发现一名长相酷似通缉照片的男子在附近打零工',
  '有人上门散发宣扬邪教的传单和光盘',
  '河边有人用电网捕鱼，附近有小孩玩耍',
  '一辆无牌面包车多次在学校门口徘徊',
  '烧烤店门口经常有人酒后斗殴，深夜噪音大',
  '有人收购银行卡和电话卡，疑似帮助诈骗',
  '废弃厂房里有人聚众赌博，进出车辆很多',
  '货车严重超载，在乡道上车速很快',
  '加油站附近有人用塑料桶私卖散装汽油',
  '老人接到自称孙子的电话要钱，差点转账',
  '商铺消防通道被锁死，灭火器过期',
];
const ROADS = ['解放路', '蒸湘北路', '先锋路', '船山大道', '雁城路', '光辉街', '中山南路', '华新大道', '衡州大道', '湘江北路', '建设路', '人民路'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '谭', '曾', '彭', '邓'];
const NICK = ['热心群众', '平安志愿者', '网格员', '巡逻队员', '反诈宣传员', '街坊'];
const ADJUSTMENT_NOTES = ['参加治安巡逻', '参加反诈宣传活动', '平安建设志愿服务', '社区安全隐患排查', '协助寻找走失老人'];

const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;
const sqlArray = (xs: string[]) => `ARRAY[${xs.map(sqlText).join(',')}]`;
const reasons = (xs: readonly string[]) => `(${xs.map(sqlText).join(',')})`;
/** Asia/Shanghai calendar day of a timestamptz, as the services count it (lib/time cstDate). */
const cstDay = (col: string) => `((${col} AT TIME ZONE 'UTC') + interval '8 hours')::date`;

const BIG_TABLES = ['tips', 'tip_history', 'tip_first_decisions', 'points_ledger', 'user_period_points', 'community_period_points', 'users', 'redemptions'];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tips: { type: 'string', default: '2000000' },
      volunteers: { type: 'string', default: '740000' },
      ledger: { type: 'string', default: '10000000' },
      days: { type: 'string', default: '730' },
      reset: { type: 'boolean', default: false },
    },
  });
  const T = Number(values.tips);
  const V = Number(values.volunteers);
  const L = Number(values.ledger);
  const DAYS = Number(values.days);
  for (const [k, v] of Object.entries({ T, V, L, DAYS })) if (!Number.isInteger(v) || v < 1) throw new Error(`bad --${k}`);

  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to the database to fill (it is created when missing)');
  const target = new URL(url);
  const dbName = decodeURIComponent(target.pathname.slice(1));
  // Shared databases of the test suite are never touched.
  if (!/^[a-z0-9_]+$/.test(dbName) || dbName === 'test' || dbName.startsWith('hy_test_') || dbName === 'postgres')
    throw new Error(`refusing to seed database "${dbName}": use a database of your own, e.g. hy_scale`);
  await ensureDatabase(target, dbName);

  const started = Date.now();
  const step = async (label: string, work: () => Promise<unknown>) => {
    const t0 = Date.now();
    await work();
    process.stdout.write(`  ${label.padEnd(48)} ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  };

  const database = await openPostgres(url, { poolSize: 2 });
  setDb(database.db); // the demo seed submits a tip through the tips service
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q = (text: string, params: unknown[] = []) => client.query(text, params);
  let dropped: { name: string; def: string }[] = [];
  try {
    await step('migrate', () => database.migrate());
    const [{ n: tipCount }] = (await q('SELECT count(*)::int AS n FROM tips')).rows;
    if (tipCount > 0 && !values.reset) throw new Error(`${dbName} already holds ${tipCount} tips: pass --reset to start over`);
    if (values.reset) {
      await step('reset (truncate all but districts)', async () => {
        const { rows } = await q(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'districts'`);
        await q(`TRUNCATE ${rows.map((r: { tablename: string }) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
      });
    }
    await step('reference data and demo accounts', async () => {
      await seedReference(database.db);
      await seedDemo(database.db);
    });
    const passwordHash = await hashPassword(SCALE_PASSWORD);

    // Bulk-load settings for this session only; FK triggers are off while loading because every
    // id is generated from rows that exist (session_replication_role needs a superuser).
    await q(`SET synchronous_commit = off`);
    await q(`SET maintenance_work_mem = '1GB'`);
    await q(`SET work_mem = '256MB'`);
    await q(`SET max_parallel_maintenance_workers = 2`);
    await q(`SET session_replication_role = replica`);
    await q(`SELECT setseed(0.2026)`);

    // Secondary indexes are rebuilt once at the end: much faster than maintaining them per row.
    dropped = (
      await q(
        `SELECT c2.relname AS name, pg_get_indexdef(i.indexrelid) AS def
         FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class c2 ON c2.oid = i.indexrelid
         WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY($1) AND NOT i.indisprimary
           AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
        [BIG_TABLES],
      )
    ).rows;
    await step(`drop ${dropped.length} secondary indexes`, async () => {
      for (const ix of dropped) await q(`DROP INDEX "${ix.name}"`);
    });

    const totalWeight = DISTRICT_MIX.reduce((s, d) => s + d.weight, 0);
    let acc = 0;
    const dwRows = DISTRICT_MIX.map((d) => {
      const lo = acc / totalWeight;
      acc += d.weight;
      const hi = d.id === DISTRICT_MIX.at(-1)!.id ? 1.000001 : acc / totalWeight;
      return `(${d.id}, ${lo}, ${hi}, ${d.lat}, ${d.lng})`;
    });
    await q(`CREATE TEMP TABLE dw (district_id smallint, lo float8, hi float8, lat float8, lng float8)`);
    await q(`INSERT INTO dw VALUES ${dwRows.join(',')}`);

    await step(`volunteers plan (${V}, skewed community sizes)`, async () => {
      // Community sizes vary about 15×; the shuffle keeps "volunteer n" spread over communities.
      await q(`CREATE TEMP TABLE cw AS SELECT id AS community_id, district_id, 0.2 + 3 * random()^2 AS w, 0 AS size FROM communities`);
      await q(`UPDATE cw SET size = floor($1::int * w / (SELECT sum(w) FROM cw))`, [V]);
      await q(
        `UPDATE cw SET size = size + 1 WHERE community_id IN
           (SELECT community_id FROM cw ORDER BY random() LIMIT $1::int - (SELECT sum(size) FROM cw))`,
        [V],
      );
      await q(
        `CREATE TEMP TABLE vol AS
         SELECT n, ('5ca1e000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid AS id, community_id, district_id
         FROM (SELECT row_number() OVER (ORDER BY random()) AS n, community_id, district_id
               FROM (SELECT community_id, district_id, generate_series(1, size) FROM cw) x) y`,
      );
      await q(`ALTER TABLE vol ADD PRIMARY KEY (n)`);
      await q(`CREATE INDEX ON vol (id)`);
      await q(`ANALYZE vol`);
      // Police: 14 officers and 2 supervisors per unit; k numbers them within their district.
      await q(
        `CREATE TEMP TABLE police AS
         SELECT n, ('5ca1e000-0000-4000-9000-' || lpad(to_hex(n), 12, '0'))::uuid AS id, district_id, unit_id, role,
                row_number() OVER (PARTITION BY district_id ORDER BY n) AS k
         FROM (SELECT row_number() OVER (ORDER BY u.id, g) AS n, u.district_id, u.id AS unit_id,
                      CASE WHEN g <= 2 THEN 'supervisor' ELSE 'officer' END::role AS role
               FROM police_units u, generate_series(1, 16) g) x`,
      );
      await q(`CREATE TEMP TABLE pcount AS SELECT district_id, count(*)::int AS cnt FROM police GROUP BY district_id`);
    });

    const catCases = (() => {
      let c = 0;
      return CATEGORY_MIX.map(([id, w]) => `WHEN rc < ${(c += w)} THEN '${id}'`).join(' ') + ` ELSE 'other'`;
    })();

    await step(`tips (${T})`, () =>
      q(
        `INSERT INTO tips (reference, reporter_id, is_anonymous, category, description, occurred_at, lat, lng, address,
                           district_id, community_id, status, priority, priority_rank, is_deliberate_false,
                           claimed_by_id, claim_expires_at, decided_by_id, decided_at, created_at, updated_at)
         WITH base AS (
           SELECT g, now() - ($2::int * (1 - sqrt(random()))) * interval '1 day' AS created_at,
                  random() < 0.12 AS anon, 1 + floor($3::int * random()^1.5)::int AS rep_n,
                  random() AS rd, random() AS ry, random() AS rs, random() AS rp, random() AS rc,
                  random() AS rx, random() AS rk, random() AS rt, random() AS ro, random() AS rl
           FROM generate_series(1, $1::int) g
         ), placed AS (
           SELECT b.*, v.id AS reporter_id, v.community_id,
                  CASE WHEN NOT b.anon AND b.rd < 0.9 THEN v.district_id
                       ELSE (SELECT district_id FROM dw WHERE b.ry >= lo AND b.ry < hi) END AS district_id,
                  extract(epoch FROM now() - b.created_at) / 86400 AS age
           FROM base b LEFT JOIN vol v ON v.n = b.rep_n AND NOT b.anon
         ), judged AS (
           SELECT p.*,
             (CASE WHEN age < 2 THEN
                CASE WHEN rs < 0.85 THEN 'submitted' WHEN rs < 0.9 THEN 'needs_info' WHEN rs < 0.96 THEN 'valid' ELSE 'invalid' END
              ELSE
                CASE WHEN rs < 0.03 THEN 'submitted' WHEN rs < 0.06 THEN 'needs_info' WHEN rs < 0.5 THEN 'valid'
                     WHEN rs < 0.86 THEN 'invalid' ELSE 'duplicate' END
              END)::tip_status AS status,
             (CASE WHEN rp < 0.2 THEN 'low' WHEN rp < 0.8 THEN 'normal' WHEN rp < 0.95 THEN 'high' ELSE 'urgent' END)::priority AS priority,
             (CASE WHEN rp < 0.2 THEN 0 WHEN rp < 0.8 THEN 1 WHEN rp < 0.95 THEN 2 ELSE 3 END)::smallint AS priority_rank,
             CASE ${catCases} END AS category
           FROM placed p
         )
         SELECT 'HY-' || to_char(${cstDay('j.created_at')}, 'YYYYMMDD') || '-' ||
                  (CASE WHEN seq < 10000 THEN lpad(seq::text, 4, '0') ELSE seq::text END),
                reporter_id, anon, category,
                d[1 + floor(rl * array_length(d, 1))::int] || '，大约' || (1 + floor(ro * 12))::int || '人，已经持续' || (1 + floor(rt * 20))::int || '天。',
                created_at - rt * interval '48 hours',
                dw.lat + (ro - 0.5) * 0.12, dw.lng + (rl - 0.5) * 0.12,
                dist.name_zh || r[1 + floor(rk * array_length(r, 1))::int] || (1 + floor(rx * 300))::int || '号',
                j.district_id, community_id, status, priority, priority_rank,
                status = 'invalid' AND rk < 0.08,
                CASE WHEN status = 'submitted' AND rk < 0.1 THEN pol.id END,
                CASE WHEN status = 'submitted' AND rk < 0.1 THEN now() + (rk * 10 - 0.5) * interval '1 hour' END,
                CASE WHEN status <> 'submitted' THEN pol.id END,
                CASE WHEN status <> 'submitted' THEN least(now(), created_at + rt * interval '72 hours') END,
                created_at,
                CASE WHEN status <> 'submitted' THEN least(now(), created_at + rt * interval '72 hours') ELSE created_at END
         -- Numbered after the references the demo seed already gave out that day (its tip of today).
         FROM (SELECT judged.*, coalesce(rc.last, 0) + row_number() OVER (PARTITION BY ${cstDay('judged.created_at')} ORDER BY judged.created_at) AS seq
               FROM judged LEFT JOIN (SELECT ${cstDay('created_at')} AS day, max(split_part(reference, '-', 3)::int) AS last FROM tips GROUP BY 1) rc
                 ON rc.day = ${cstDay('judged.created_at')}) j
         JOIN dw ON dw.district_id = j.district_id
         JOIN districts dist ON dist.id = j.district_id
         JOIN pcount pc ON pc.district_id = j.district_id
         JOIN police pol ON pol.district_id = j.district_id AND pol.k = 1 + floor(j.rx * pc.cnt)::int,
         (SELECT ${sqlArray(DESCRIPTIONS)} AS d, ${sqlArray(ROADS)} AS r) words`,
        [T, DAYS, V],
      ),
    );

    await step('tip history (submitted + decision)', async () => {
      await q(
        `INSERT INTO tip_history (tip_id, kind, to_status, actor_role, is_visible_to_reporter, created_at)
         SELECT id, 'status', 'submitted', 'reporter', true, created_at FROM tips`,
      );
      await q(
        `INSERT INTO tip_history (tip_id, kind, from_status, to_status, actor_id, actor_role, is_visible_to_reporter, created_at)
         SELECT t.id, 'status', 'submitted', t.status, t.decided_by_id, p.role::text, true, t.decided_at
         FROM tips t JOIN police p ON p.id = t.decided_by_id WHERE t.decided_at IS NOT NULL`,
      );
    });

    // The statistics' first decisions, from the history as migration 0018 fills them (demo tips included).
    await step('tip first decisions', async () => {
      await q(`DELETE FROM tip_first_decisions`);
      await q(
        `INSERT INTO tip_first_decisions (tip_id, district_id, submitted_at, first_decided_at)
         SELECT t.id, t.district_id, t.created_at, h.first
         FROM (SELECT tip_id, min(created_at) AS first FROM tip_history
               WHERE kind = 'status' AND to_status IN ('valid', 'invalid', 'duplicate', 'needs_info') GROUP BY tip_id) h
         JOIN tips t ON t.id = h.tip_id`,
      );
    });

    // Triggers are off while loading (session_replication_role): the statistics summary that
    // tips' triggers keep is rebuilt from the tips in one pass (demo tips included).
    await step('tip daily statistics (summary rebuild)', async () => {
      await q(`DELETE FROM tip_daily_stats`);
      await q(
        `INSERT INTO tip_daily_stats (day, district_id, category, status, tips)
         SELECT hy_stats_day(created_at), district_id, category, status, count(*)::int FROM tips GROUP BY 1, 2, 3, 4`,
      );
    });

    // The map's cell summary, kept by the same kind of triggers, rebuilt the same way (migration 0020).
    await step('tip map cells (summary rebuild)', async () => {
      await q(`DELETE FROM tip_map_cells`);
      await q(
        `INSERT INTO tip_map_cells (size, district_id, gx, gy, status, category, tips, lat_sum, lng_sum)
         SELECT z.size, t.district_id, floor(t.lng * 1000 / z.size)::int, floor(t.lat * 1000 / z.size)::int, t.status, t.category,
                count(*)::int, sum(t.lat), sum(t.lng)
         FROM tips t CROSS JOIN (VALUES (5::smallint), (50::smallint)) z(size) WHERE t.lat IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5, 6`,
      );
    });

    // The summaries of migration 0021, rebuilt the same way: the map's cells without the category,
    // the time-to-first-decision histogram, and the volunteers' day pairs and last days.
    await step('tip monthly and weekly statistics (summary rebuild)', async () => {
      await q(`DELETE FROM tip_monthly_stats`);
      await q(
        `INSERT INTO tip_monthly_stats (month, district_id, category, status, tips)
         SELECT date_trunc('month', day)::date, district_id, category, status, sum(tips)::int FROM tip_daily_stats GROUP BY 1, 2, 3, 4`,
      );
      await q(`DELETE FROM tip_weekly_stats`);
      await q(
        `INSERT INTO tip_weekly_stats (week, district_id, category, tips)
         SELECT day - (extract(isodow FROM day)::int - 1), district_id, category, sum(tips)::int FROM tip_daily_stats GROUP BY 1, 2, 3`,
      );
    });
    await step('tip map status cells, decision hours (summary rebuild)', async () => {
      await q(`DELETE FROM tip_map_status_cells`);
      await q(
        `INSERT INTO tip_map_status_cells (size, district_id, gx, gy, status, tips, lat_sum, lng_sum)
         SELECT size, district_id, gx, gy, status, sum(tips)::int, sum(lat_sum), sum(lng_sum) FROM tip_map_cells GROUP BY 1, 2, 3, 4, 5`,
      );
      await q(`DELETE FROM tip_decision_hours`);
      await q(
        `INSERT INTO tip_decision_hours (scope, day, hours, tips)
         SELECT s.scope, hy_stats_day(d.submitted_at), hy_decision_hours(d.submitted_at, d.first_decided_at), count(*)::int
         FROM tip_first_decisions d CROSS JOIN LATERAL (VALUES (d.district_id), (0::smallint)) s(scope) GROUP BY 1, 2, 3`,
      );
    });
    await step('volunteer day pairs and last days (summary rebuild)', async () => {
      await q(`DELETE FROM volunteer_day_pairs`);
      await q(`DELETE FROM volunteer_last_days`);
      await q(
        `WITH d AS MATERIALIZED (
           SELECT DISTINCT t.reporter_id, s.scope, hy_stats_day(t.created_at) AS day
           FROM tips t CROSS JOIN LATERAL (VALUES (t.district_id), (0::smallint)) s(scope) WHERE t.reporter_id IS NOT NULL
         ), chain AS (
           SELECT scope, day, coalesce(lag(day) OVER w, '-infinity'::date) AS prev_day, lead(day) OVER w IS NULL AS is_last
           FROM d WINDOW w AS (PARTITION BY reporter_id, scope ORDER BY day)
         ), last AS (
           INSERT INTO volunteer_last_days (scope, day, volunteers) SELECT scope, day, count(*)::int FROM chain WHERE is_last GROUP BY 1, 2
         )
         INSERT INTO volunteer_day_pairs (scope, day, prev_day, volunteers) SELECT scope, day, prev_day, count(*)::int FROM chain GROUP BY 1, 2, 3`,
      );
    });

    // The ledger is staged, made consistent (daily cap, no negative balance), then written in
    // time order so ledger ids grow with time as they do in production.
    await q(
      `CREATE TEMP TABLE ls (seq bigserial PRIMARY KEY, user_id uuid NOT NULL, delta int NOT NULL, reason points_reason NOT NULL,
        tip_id uuid, redemption_id uuid, actor_id uuid, note text, created_at timestamptz NOT NULL, earned_on date NOT NULL)`,
    );
    await step('ledger: tip awards, daily cap', async () => {
      await q(
        `INSERT INTO ls (user_id, delta, reason, tip_id, actor_id, created_at, earned_on)
         SELECT reporter_id, $1::int, 'tip_validated'::points_reason, id, decided_by_id, decided_at, ${cstDay('decided_at')}
         FROM tips WHERE status = 'valid' AND reporter_id IS NOT NULL
         UNION ALL
         SELECT reporter_id, $2::int, 'tip_priority_bonus'::points_reason, id, decided_by_id, decided_at, ${cstDay('decided_at')}
         FROM tips WHERE status = 'valid' AND reporter_id IS NOT NULL AND priority IN ('high', 'urgent')`,
        [POINT_RULES.tipValidated, POINT_RULES.priorityBonus],
      );
      await q(
        `UPDATE ls SET delta = greatest(0, least(ls.delta, $1::int - (w.run - ls.delta))),
                       note = 'daily cap reached: ' || (ls.delta - greatest(0, least(ls.delta, $1::int - (w.run - ls.delta)))) || ' of ' || ls.delta || ' not awarded'
         FROM (SELECT seq, sum(delta) OVER (PARTITION BY user_id, earned_on ORDER BY created_at, seq) AS run
               FROM ls WHERE reason IN ${reasons(CAPPED_REASONS)}) w
         WHERE ls.seq = w.seq AND w.run > $1::int`,
        [POINT_RULES.dailyCap],
      );
    });

    const [{ n: awardRows }] = (await q('SELECT count(*)::int AS n FROM ls')).rows;
    const [{ n: penaltyRows }] = (
      await q(`SELECT count(*)::int AS n FROM tips WHERE status = 'invalid' AND is_deliberate_false AND reporter_id IS NOT NULL`)
    ).rows;
    const redemptionTarget = Math.round(L * 0.03);
    const adjustments = Math.max(0, L - awardRows - penaltyRows - redemptionTarget);
    const adminActor = `(SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1)`;
    const adjustmentSelect = (count: string) =>
      `INSERT INTO ls (user_id, delta, reason, actor_id, note, created_at, earned_on)
       SELECT v.id, (ARRAY[5, 10, 10, 20, 30])[1 + floor(s.ra * 5)::int], 'adjustment', ${adminActor},
              (${sqlArray(ADJUSTMENT_NOTES)})[1 + floor(s.rb * ${ADJUSTMENT_NOTES.length})::int], s.ts, ${cstDay('s.ts')}
       FROM (SELECT 1 + floor(${V} * random()^1.5)::int AS n, random() AS ra, random() AS rb,
                    now() - (${DAYS} * (1 - sqrt(random()))) * interval '1 day' AS ts
             FROM generate_series(1, ${count})) s
       JOIN vol v ON v.n = s.n`;

    await step(`ledger: ${adjustments} activity adjustments`, () => q(adjustmentSelect(String(adjustments))));

    await step('ledger: false-report penalties (limited to balance)', () =>
      q(
        `WITH pos AS (SELECT user_id, sum(delta) AS s FROM ls GROUP BY user_id)
         INSERT INTO ls (user_id, delta, reason, tip_id, actor_id, note, created_at, earned_on)
         SELECT t.reporter_id, -least($1::int, greatest(0, coalesce(pos.s, 0) - $1::int * (t.k - 1))), 'false_report_penalty',
                t.id, t.decided_by_id,
                CASE WHEN coalesce(pos.s, 0) - $1::int * (t.k - 1) < $1::int THEN 'limited to the balance' END,
                t.decided_at, ${cstDay('t.decided_at')}
         FROM (SELECT id, reporter_id, decided_by_id, decided_at, row_number() OVER (PARTITION BY reporter_id ORDER BY decided_at) AS k
               FROM tips WHERE status = 'invalid' AND is_deliberate_false AND reporter_id IS NOT NULL) t
         LEFT JOIN pos ON pos.user_id = t.reporter_id`,
        [POINT_RULES.falseReportPenalty],
      ),
    );

    await step(`redemptions (up to ${redemptionTarget})`, async () => {
      await q(
        `CREATE TEMP TABLE red AS
         SELECT gen_random_uuid() AS id, b.user_id, v.community_id, rw.id AS reward_id, rw.cost,
                now() - random() * interval '180 days' AS created_at, random() AS rs
         FROM (SELECT user_id, sum(delta) AS bal FROM ls GROUP BY user_id
               HAVING sum(delta) >= (SELECT min(cost) FROM rewards) ORDER BY random() LIMIT $1::int) b
         JOIN vol v ON v.id = b.user_id
         CROSS JOIN LATERAL (SELECT id, cost FROM rewards
                             WHERE cost <= greatest((SELECT min(cost) FROM rewards), b.bal * (0.3 + 0.7 * random()))
                             ORDER BY cost DESC LIMIT 1) rw`,
        [redemptionTarget],
      );
      await q(
        `INSERT INTO redemptions (id, reward_id, user_id, community_id, cost, status, decided_by_id, decided_at, created_at)
         SELECT r.id, r.reward_id, r.user_id, r.community_id, r.cost,
                (CASE WHEN r.rs < 0.85 AND r.created_at < now() - interval '7 days' THEN 'fulfilled' ELSE 'pending' END)::redemption_status,
                CASE WHEN r.rs < 0.85 AND r.created_at < now() - interval '7 days' THEN ('5ca1e000-0000-4000-a000-' || lpad(to_hex(r.community_id), 12, '0'))::uuid END,
                CASE WHEN r.rs < 0.85 AND r.created_at < now() - interval '7 days' THEN r.created_at + interval '2 days' END,
                r.created_at
         FROM red r`,
      );
      await q(
        `INSERT INTO ls (user_id, delta, reason, redemption_id, created_at, earned_on)
         SELECT user_id, -cost, 'redemption', id, created_at, ${cstDay('created_at')} FROM red`,
      );
      const [{ n }] = (await q('SELECT count(*)::int AS n FROM red')).rows;
      if (n < redemptionTarget) await q(adjustmentSelect(String(redemptionTarget - n)));
    });

    await step('points_ledger (time order)', () =>
      q(
        `INSERT INTO points_ledger (user_id, delta, reason, tip_id, redemption_id, actor_id, note, earned_on, created_at)
         SELECT user_id, delta, reason, tip_id, redemption_id, actor_id, note, earned_on, created_at FROM ls ORDER BY created_at, seq`,
      ),
    );
    await q('DROP TABLE ls');

    await step('users (balance = ledger sum)', async () => {
      await q(
        `INSERT INTO users (id, phone, password_hash, display_name, role, community_id, district_id, points_balance, created_at)
         SELECT v.id, '15' || lpad(v.n::text, 9, '0'), $1,
                names.nick[1 + (v.n % ${NICK.length})::int] || names.surname[1 + ((v.n / 7) % ${SURNAMES.length})::int] || (v.n % 1000),
                'volunteer', v.community_id, v.district_id, coalesce(b.bal, 0),
                now() - ($2::int + random() * 365) * interval '1 day'
         FROM vol v LEFT JOIN (SELECT user_id, sum(delta)::int AS bal FROM points_ledger GROUP BY user_id) b ON b.user_id = v.id,
              (SELECT ${sqlArray(NICK)} AS nick, ${sqlArray(SURNAMES)} AS surname) names`,
        [passwordHash, DAYS],
      );
      await q(
        `INSERT INTO users (id, phone, password_hash, display_name, role, unit_id, district_id, created_at)
         SELECT p.id, '16' || lpad(p.n::text, 9, '0'), $1, d.name_zh || '民警' || p.k, p.role, p.unit_id, p.district_id,
                now() - interval '3 years'
         FROM police p JOIN districts d ON d.id = p.district_id`,
        [passwordHash],
      );
      await q(
        `INSERT INTO users (id, phone, password_hash, display_name, role, community_id, district_id, created_at)
         SELECT ('5ca1e000-0000-4000-a000-' || lpad(to_hex(c.id), 12, '0'))::uuid, '17' || lpad(c.id::text, 9, '0'), $1,
                c.name_zh || '组织员', 'organizer', c.id, c.district_id, now() - interval '3 years'
         FROM communities c`,
        [passwordHash],
      );
    });

    const ranked = reasons(RANKED_REASONS);
    await step('user_period_points (week, month, all)', async () => {
      for (const [period, start] of [
        ['week', `date_trunc('week', l.earned_on)::date`],
        ['month', `date_trunc('month', l.earned_on)::date`],
        ['all', `DATE '1970-01-01'`],
      ]) {
        await q(
          `INSERT INTO user_period_points (period, period_start, user_id, community_id, district_id, points)
           SELECT '${period}', ${start}, l.user_id, v.community_id, v.district_id, sum(l.delta)::int
           FROM points_ledger l JOIN vol v ON v.id = l.user_id
           WHERE l.reason IN ${ranked} AND l.delta <> 0
           GROUP BY 2, 3, 4, 5`,
        );
      }
    });
    await step('period_points_histogram (city-wide, per district)', async () => {
      // The same rebuild as migration 0004's backfill: what addToPeriods keeps one award at a time.
      await q(`DELETE FROM period_points_histogram`);
      await q(
        `INSERT INTO period_points_histogram (period, period_start, district_id, points, users)
         SELECT period, period_start, 0, points, count(*)::int FROM user_period_points GROUP BY 1, 2, 4
         UNION ALL
         SELECT period, period_start, district_id, points, count(*)::int FROM user_period_points WHERE district_id IS NOT NULL GROUP BY 1, 2, 3, 4`,
      );
    });
    await step('community_period_points, member counts, counters', async () => {
      await q(
        `INSERT INTO community_period_points (period, period_start, community_id, district_id, points)
         SELECT period, period_start, community_id, district_id, sum(points)::int FROM user_period_points
         WHERE community_id IS NOT NULL AND district_id IS NOT NULL GROUP BY 1, 2, 3, 4`,
      );
      await q(
        `UPDATE communities c SET member_count = coalesce(s.n, 0)
         FROM communities c2 LEFT JOIN (SELECT community_id, count(*)::int AS n FROM users WHERE role = 'volunteer' GROUP BY 1) s
           ON s.community_id = c2.id
         WHERE c.id = c2.id`,
      );
      await q(
        `INSERT INTO tip_reference_counters (day, last)
         SELECT to_date(split_part(reference, '-', 2), 'YYYYMMDD'), max(split_part(reference, '-', 3)::int) FROM tips GROUP BY 1
         ON CONFLICT (day) DO UPDATE SET last = greatest(tip_reference_counters.last, excluded.last)`,
      );
      // A day whose reference sequence exists already (today's, made by the demo seed's tip)
      // continues after the generated references, so the next submission does not reuse one.
      await q(
        `SELECT setval(c.oid::regclass, m.last)
         FROM pg_class c JOIN (SELECT 'tip_ref_' || split_part(reference, '-', 2) AS name, max(split_part(reference, '-', 3)::int) AS last
                               FROM tips GROUP BY 1) m ON m.name = c.relname
         WHERE c.relkind = 'S' AND c.relnamespace = 'public'::regnamespace`,
      );
    });
  } finally {
    if (dropped.length) {
      await step(`rebuild ${dropped.length} indexes`, async () => {
        for (const ix of dropped) await q(ix.def.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '));
      });
    }
  }
  await q('SET session_replication_role = origin');
  await step('vacuum analyze', () => q('VACUUM (ANALYZE)'));
  await checkInvariants(q);
  await client.end();
  await database.close();
  process.stdout.write(`done in ${((Date.now() - started) / 60000).toFixed(1)} min (password for seeded users: ${SCALE_PASSWORD})\n`);
}

/** The invariants the services keep, checked on the result (a failed check exits non-zero). */
async function checkInvariants(q: (text: string) => Promise<pg.QueryResult>): Promise<void> {
  const checks: [string, string][] = [
    ['balance = ledger sum', `SELECT count(*)::int AS bad FROM users u LEFT JOIN (SELECT user_id, sum(delta) s FROM points_ledger GROUP BY 1) l ON l.user_id = u.id WHERE u.points_balance <> coalesce(l.s, 0)`],
    ['all-time totals = ranked ledger', `SELECT count(*)::int AS bad FROM (SELECT user_id, sum(delta) s FROM points_ledger WHERE reason IN ${reasons(RANKED_REASONS)} GROUP BY 1) l FULL JOIN (SELECT user_id, points FROM user_period_points WHERE period = 'all') p USING (user_id) WHERE coalesce(l.s, 0) <> coalesce(p.points, 0)`],
    ['histogram = period totals', `SELECT count(*)::int AS bad FROM (SELECT * FROM period_points_histogram WHERE users <> 0) h FULL JOIN (SELECT period, period_start, 0 AS district_id, points, count(*)::int AS users FROM user_period_points GROUP BY 1, 2, 4 UNION ALL SELECT period, period_start, district_id, points, count(*)::int FROM user_period_points WHERE district_id IS NOT NULL GROUP BY 1, 2, 3, 4) a USING (period, period_start, district_id, points) WHERE h.users IS DISTINCT FROM a.users`],
    ['daily cap', `SELECT count(*)::int AS bad FROM (SELECT 1 FROM points_ledger WHERE reason IN ${reasons(CAPPED_REASONS)} GROUP BY user_id, earned_on HAVING sum(delta) > ${POINT_RULES.dailyCap}) x`],
    ['tip daily statistics = tips', `SELECT count(*)::int AS bad FROM (SELECT hy_stats_day(created_at) AS day, district_id, category, status, count(*)::int AS n FROM tips GROUP BY 1, 2, 3, 4) t FULL JOIN (SELECT * FROM tip_daily_stats WHERE tips <> 0) s USING (day, district_id, category, status) WHERE t.n IS DISTINCT FROM s.tips`],
    ['tip map cells = tips', `SELECT count(*)::int AS bad FROM (SELECT z.size, district_id, floor(lng * 1000 / z.size)::int AS gx, floor(lat * 1000 / z.size)::int AS gy, status, category, count(*)::int AS n FROM tips CROSS JOIN (VALUES (5::smallint), (50::smallint)) z(size) WHERE lat IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6) t FULL JOIN (SELECT * FROM tip_map_cells WHERE tips <> 0) s USING (size, district_id, gx, gy, status, category) WHERE t.n IS DISTINCT FROM s.tips`],
    ['tip monthly statistics = tips', `SELECT count(*)::int AS bad FROM (SELECT date_trunc('month', hy_stats_day(created_at))::date AS month, district_id, category, status, count(*)::int AS n FROM tips GROUP BY 1, 2, 3, 4) t FULL JOIN (SELECT * FROM tip_monthly_stats WHERE tips <> 0) s USING (month, district_id, category, status) WHERE t.n IS DISTINCT FROM s.tips`],
    ['tip weekly statistics = tips', `SELECT count(*)::int AS bad FROM (SELECT hy_stats_day(created_at) - (extract(isodow FROM hy_stats_day(created_at))::int - 1) AS week, district_id, category, count(*)::int AS n FROM tips GROUP BY 1, 2, 3) t FULL JOIN (SELECT * FROM tip_weekly_stats WHERE tips <> 0) s USING (week, district_id, category) WHERE t.n IS DISTINCT FROM s.tips`],
    ['map status cells = tips', `SELECT count(*)::int AS bad FROM (SELECT z.size, district_id, floor(lng * 1000 / z.size)::int AS gx, floor(lat * 1000 / z.size)::int AS gy, status, count(*)::int AS n FROM tips CROSS JOIN (VALUES (5::smallint), (50::smallint)) z(size) WHERE lat IS NOT NULL GROUP BY 1, 2, 3, 4, 5) t FULL JOIN (SELECT * FROM tip_map_status_cells WHERE tips <> 0) s USING (size, district_id, gx, gy, status) WHERE t.n IS DISTINCT FROM s.tips`],
    ['decision hours = first decisions', `SELECT count(*)::int AS bad FROM (SELECT s.scope, hy_stats_day(f.submitted_at) AS day, hy_decision_hours(f.submitted_at, f.first_decided_at) AS hours, count(*)::int AS n FROM tip_first_decisions f CROSS JOIN LATERAL (VALUES (f.district_id), (0::smallint)) s(scope) GROUP BY 1, 2, 3) h FULL JOIN (SELECT * FROM tip_decision_hours WHERE tips <> 0) x USING (scope, day, hours) WHERE h.n IS DISTINCT FROM x.tips`],
    ['volunteer day pairs = tips', `WITH d AS (SELECT DISTINCT t.reporter_id, s.scope, hy_stats_day(t.created_at) AS day FROM tips t CROSS JOIN LATERAL (VALUES (t.district_id), (0::smallint)) s(scope) WHERE t.reporter_id IS NOT NULL), c AS (SELECT scope, day, coalesce(lag(day) OVER w, '-infinity'::date) AS prev_day FROM d WINDOW w AS (PARTITION BY reporter_id, scope ORDER BY day)) SELECT count(*)::int AS bad FROM (SELECT scope, day, prev_day, count(*)::int AS n FROM c GROUP BY 1, 2, 3) p FULL JOIN (SELECT * FROM volunteer_day_pairs WHERE volunteers <> 0) v USING (scope, day, prev_day) WHERE p.n IS DISTINCT FROM v.volunteers`],
    ['first decisions = history', `SELECT count(*)::int AS bad FROM (SELECT tip_id, min(created_at) AS first FROM tip_history WHERE kind = 'status' AND to_status IN ('valid', 'invalid', 'duplicate', 'needs_info') GROUP BY 1) h FULL JOIN tip_first_decisions f USING (tip_id) LEFT JOIN tips t ON t.id = coalesce(h.tip_id, f.tip_id) WHERE h.first IS DISTINCT FROM f.first_decided_at OR f.district_id IS DISTINCT FROM t.district_id OR f.submitted_at IS DISTINCT FROM t.created_at`],
    ['member counts', `SELECT count(*)::int AS bad FROM communities c WHERE member_count <> (SELECT count(*) FROM users u WHERE u.community_id = c.id AND u.role = 'volunteer')`],
  ];
  const { rows } = await q(
    `SELECT (SELECT count(*) FROM communities) AS communities, (SELECT count(*) FROM users) AS users,
            (SELECT count(*) FROM tips) AS tips, (SELECT count(*) FROM points_ledger) AS ledger,
            (SELECT count(*) FROM user_period_points) AS user_period_points,
            (SELECT count(*) FROM community_period_points) AS community_period_points,
            (SELECT count(*) FROM period_points_histogram) AS period_points_histogram`,
  );
  process.stdout.write(`  rows: ${JSON.stringify(rows[0])}\n`);
  let failed = false;
  for (const [name, text] of checks) {
    const [{ bad }] = (await q(text)).rows;
    process.stdout.write(`  check ${name.padEnd(34)} ${bad === 0 ? 'ok' : `${bad} BAD`}\n`);
    failed ||= bad !== 0;
  }
  if (failed) process.exitCode = 1;
}

async function ensureDatabase(target: URL, dbName: string): Promise<void> {
  const admin = new URL(target);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
  if (!rowCount) await c.query(`CREATE DATABASE "${dbName}"`);
  await c.end();
}

await main();
