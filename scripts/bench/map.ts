/**
 * Police tip map latency on the PostgreSQL server at scale (scripts/seed/scale.ts, 2M tips):
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/hy_scale_map npx tsx scripts/bench/map.ts [--samples 200] [--plans]
 *
 * The app runs as a separate process (the built api/dist/main.js, as `npm start`, RATE_LIMITS=off);
 * --plans (which captures statements from the pg client) runs it inside this process instead. One request at a time (what one officer waits), per scenario: a district-sized box (0.2° × 0.2°
 * around the district's tips) for the biggest district (耒阳市, ≈287k tips) and a middle one
 * (雁峰区, ≈54k), with the map's default filter (new tips, as the queue) and with every status;
 * a street-sized box (points, not a grid); the whole city for an admin. --plans prints
 * EXPLAIN (ANALYZE, BUFFERS) of the statements each scenario runs.
 */
import { parseArgs } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { users } from '../../api/src/db/schema/index';
import { actorOf } from '../../api/src/modules/auth/auth.service';
import { signAccessToken } from '../../api/src/modules/auth/tokens';
import { buildApi, captureQueries, explainAll, machine, sequentialLatency, startApp, startAppProcess, table } from './support';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '200' },
    plans: { type: 'boolean', default: false },
  },
});
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hy_scale_map';
const samples = Number(values.samples);

async function main(): Promise<void> {
  if (!values.plans) buildApi();
  const running = values.plans ? await startApp({ databaseUrl: url, poolSize: 10 }) : await startAppProcess({ databaseUrl: url, poolSize: 10 });
  const db = running.database.db;
  const tokenOf = async (role: 'officer' | 'admin', districtId?: number) => {
    const [user] = await db
      .select()
      .from(users)
      .where(and(eq(users.role, role), districtId === undefined ? undefined : eq(users.districtId, districtId)))
      .limit(1);
    if (!user) throw new Error(`no ${role}${districtId ? ` in district ${districtId}` : ''}: fill the database with scripts/seed/scale.ts first`);
    return `Bearer ${signAccessToken(actorOf(user))}`;
  };
  const [leiyang, yanfeng, admin] = await Promise.all([tokenOf('officer', 11), tokenOf('officer', 1), tokenOf('admin')]);
  const [{ n: tipCount }] = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM tips`)).rows;

  // District-sized boxes: 0.2° around the centre of each district's tips (the seed spreads them over 0.12°).
  const LEIYANG = '112.76,26.32,112.96,26.52';
  const YANFENG = '112.51,26.78,112.71,26.98';
  const STREET = '112.85,26.41,112.87,26.43';
  const CITY = '111.5,26.1,113.3,27.6';
  const month = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const scenarios: { label: string; auth: string; query: string }[] = [
    { label: '耒阳市 district box, new tips (map default)', auth: leiyang, query: `bbox=${LEIYANG}&status=submitted` },
    { label: '耒阳市 district box, every status', auth: leiyang, query: `bbox=${LEIYANG}` },
    { label: '耒阳市 district box, every status, last 30 days', auth: leiyang, query: `bbox=${LEIYANG}&from=${month}` },
    { label: '耒阳市 district box, fraud, every status', auth: leiyang, query: `bbox=${LEIYANG}&category=fraud` },
    { label: '雁峰区 district box, new tips (map default)', auth: yanfeng, query: `bbox=${YANFENG}&status=submitted` },
    { label: '雁峰区 district box, every status', auth: yanfeng, query: `bbox=${YANFENG}` },
    { label: '耒阳市 street box (0.02°), new tips: points', auth: leiyang, query: `bbox=${STREET}&status=submitted` },
    { label: 'admin, city box, new tips', auth: admin, query: `bbox=${CITY}&status=submitted` },
    { label: 'admin, city box, every status', auth: admin, query: `bbox=${CITY}` },
  ];
  const getFrom = (base: string, s: (typeof scenarios)[number]) => fetch(`${base}/api/map/tips?${s.query}`, { headers: { authorization: s.auth } });

  const rows = [];
  for (const s of scenarios) {
    const first = (await (await getFrom(running.url, s)).json()) as { mode: string; total: number; features: unknown[] };
    const latency = await sequentialLatency({ label: s.label, count: samples, request: () => getFrom(running.url, s) });
    rows.push({ scenario: s.label, mode: first.mode, tips: first.total, features: first.features.length, p50: latency.p50, p95: latency.p95, p99: latency.p99, max: latency.max, failures: latency.failures });
  }

  const plans: { label: string; plans: { text: string; plan: string }[] }[] = [];
  if (values.plans) {
    for (const s of scenarios) {
      const queries = await captureQueries(async () => (await getFrom(running.url, s)).arrayBuffer());
      plans.push({ label: s.label, plans: await explainAll(url, queries) });
    }
  }
  await running.close();

  process.stdout.write(`PostgreSQL server, ${tipCount} tips; ${JSON.stringify(machine())}\n\n`);
  process.stdout.write(`GET /api/map/tips, one request at a time (${samples} samples each, ms):\n\n`);
  process.stdout.write(table(rows) + '\n');
  for (const p of plans) {
    process.stdout.write(`\n### ${p.label}\n`);
    for (const x of p.plans) process.stdout.write(`\n${x.text}\n\n${x.plan}\n`);
  }
}

await main();
