/**
 * Statistics latency at scale, the app as a separate process (RATE_LIMITS=off). Needs a copy of
 * the scale data set with the statistics migration applied (scripts/bench/stats-migration.ts):
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/hy_scale_stats npx tsx scripts/bench/stats.ts [--samples 100] [--plans]
 *
 * Scenarios: a supervisor's district and the admin's city over 30 days (the page's default),
 * 90 days, a year and two years, and the public figures (uncached: the cache is per process, so
 * the first request of each window is timed in a fresh process run through --public-cold).
 * --plans prints EXPLAIN (ANALYZE, BUFFERS) of the statements the overview sends, captured from
 * the same service code run in this process.
 */
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { users } from '../../api/src/db/schema/index';
import { actorOf } from '../../api/src/modules/auth/auth.service';
import { signAccessToken } from '../../api/src/modules/auth/tokens';
import { overview } from '../../api/src/modules/stats/overview';
import { startAppProcess } from '../../api/test/support/app-process';
import { captureQueries, explainAll, machine, sequentialLatency, startApp, table } from './support';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '100' }, plans: { type: 'boolean', default: false } } });
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hy_scale_stats';
const samples = Number(values.samples);
const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

async function main(): Promise<void> {
  const local = await startApp({ databaseUrl: url, poolSize: 4 });
  const db = local.database.db;
  const [supervisor] = await db.select().from(users).where(eq(users.role, 'supervisor')).limit(1);
  const [admin] = await db.select().from(users).where(eq(users.role, 'admin')).limit(1);
  if (!supervisor || !admin) throw new Error('no supervisor or admin: fill the database with scripts/seed/scale.ts first');
  const [{ n: tipCount }] = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM tips`)).rows;
  const token = (u: typeof supervisor) => `Bearer ${signAccessToken(actorOf(u))}`;

  const app = await startAppProcess({ env: { DATABASE_URL: url, RATE_LIMITS: 'off', JWT_SECRET: local.config.jwtSecret } });
  const scenarios = [
    { label: 'supervisor, own district, last 30 days', who: supervisor, days: 30 },
    { label: 'supervisor, own district, last 365 days', who: supervisor, days: 365 },
    { label: 'admin, city, last 30 days', who: admin, days: 30 },
    { label: 'admin, city, last 90 days', who: admin, days: 90 },
    { label: 'admin, city, last 365 days', who: admin, days: 365 },
    { label: 'admin, city, 731 days (the longest)', who: admin, days: 731 },
  ];
  const latency = [];
  try {
    for (const s of scenarios) {
      const path = `/api/stats/overview?from=${day(-(s.days - 1))}&to=${day(0)}`;
      latency.push(await sequentialLatency({ label: s.label, count: samples, request: () => fetch(`${app.url}${path}`, { headers: { authorization: token(s.who) } }) }));
    }
    // The first request of a process computes the public figures; the rest are served from its cache.
    latency.push(await sequentialLatency({ label: 'public, 24 months (cached after the first)', count: samples, request: () => fetch(`${app.url}/api/stats/public?months=24`) }));
  } finally {
    await app.stop();
  }

  const plans: { label: string; plans: { text: string; plan: string }[] }[] = [];
  if (values.plans) {
    for (const s of scenarios) {
      const queries = await captureQueries(() => overview(actorOf(s.who), { from: day(-(s.days - 1)), to: day(0) }));
      plans.push({ label: s.label, plans: await explainAll(url, queries) });
    }
  }
  await local.close();

  process.stdout.write(`PostgreSQL server, ${tipCount} tips; ${JSON.stringify(machine())}\n\n`);
  process.stdout.write(`GET /api/stats/overview and /api/stats/public, one request at a time (${samples} samples each, ms):\n\n`);
  process.stdout.write(table(latency.map((l) => ({ scenario: l.label, p50: l.p50, p95: l.p95, p99: l.p99, max: l.max, failures: l.failures }))) + '\n');
  for (const p of plans) {
    process.stdout.write(`\n### ${p.label}\n`);
    for (const x of p.plans) process.stdout.write(`\n${x.text}\n\n${x.plan}\n`);
  }
}

await main();
