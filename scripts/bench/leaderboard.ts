/**
 * Leaderboard latency (top 50 + the caller's own rank) on the PostgreSQL server at Hengyang
 * scale. Needs a database filled by scripts/seed/scale.ts (740k volunteers, 10M ledger rows):
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/hy_scale npx tsx scripts/bench/leaderboard.ts \
 *     [--samples 300] [--seconds 10] [--connections 50] [--plans] [--in-process] [--cpu-prof DIR]
 *
 * The app runs out of process (the built api/dist/main.js, as `npm start`), the load comes from
 * this one. Callers are volunteers picked across the whole range (leaders, the middle, people
 * with no points this period), each with their own token, so "own rank" is measured where it is
 * cheap and where it is dear. The throughput runs put `--connections` callers on the week board
 * right after a bare Express route (its own process too) in the same run: the ratio is the figure.
 * --plans (implies --in-process: statements are captured from the pg client) prints EXPLAIN
 * (ANALYZE, BUFFERS) of what each scenario runs. --cpu-prof DIR runs only the week board under
 * load with the server under `node --cpu-prof` (summary: scripts/bench/profile-summary.ts).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { inArray, sql } from 'drizzle-orm';
import { users } from '../../api/src/db/schema/index';
import { actorOf } from '../../api/src/modules/auth/auth.service';
import { signAccessToken } from '../../api/src/modules/auth/tokens';
import { volunteerId } from '../seed/scale-ids';
import { buildApi, captureQueries, explainAll, load, machine, sequentialLatency, startApp, startAppProcess, startBareProcess, table, type LoadSummary } from './support';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '300' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    plans: { type: 'boolean', default: false },
    'in-process': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hy_scale';
const samples = Number(values.samples);
const connections = Number(values.connections);
const inProcess = values['in-process'] || values.plans;

async function main(): Promise<void> {
  const load0 = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  if (!inProcess) buildApi();
  const running = inProcess
    ? await startApp({ databaseUrl: url, poolSize: 10 })
    : await startAppProcess({ databaseUrl: url, poolSize: 10, cpuProfDir: values['cpu-prof'] });
  const db = running.database.db;
  const [{ v, l }] = (
    await db.execute<{ v: number; l: number }>(
      sql`SELECT (SELECT count(*)::int FROM users WHERE role = 'volunteer') AS v, (SELECT count(*)::int FROM points_ledger) AS l`,
    )
  ).rows;
  // Volunteers spread evenly over the seeded numbering (which is shuffled over communities).
  const picks = Array.from({ length: 200 }, (_, i) => volunteerId(1 + Math.floor(((i + 0.5) / 200) * (v - 10))));
  const callers = await db.select().from(users).where(inArray(users.id, picks));
  if (callers.length === 0) throw new Error('no seeded volunteers: fill the database with scripts/seed/scale.ts first');
  const auth = callers.map((u) => ({ token: `Bearer ${signAccessToken(actorOf(u))}`, districtId: u.districtId, communityId: u.communityId }));
  const get = (path: string, i: number) => fetch(`${running.url}${path}`, { headers: { authorization: auth[i % auth.length].token } });

  const scenarios: { label: string; path: (i: number) => string }[] = [
    { label: 'volunteers, week', path: () => '/api/leaderboards/volunteers?period=week' },
    { label: 'volunteers, month', path: () => '/api/leaderboards/volunteers?period=month' },
    { label: 'volunteers, all time', path: () => '/api/leaderboards/volunteers?period=all' },
    { label: 'volunteers, all time, own district', path: (i) => `/api/leaderboards/volunteers?period=all&districtId=${auth[i % auth.length].districtId}` },
    { label: 'volunteers, month, own community', path: (i) => `/api/leaderboards/volunteers?period=month&communityId=${auth[i % auth.length].communityId}` },
    { label: 'communities, week', path: () => '/api/leaderboards/communities?period=week' },
    { label: 'communities, all time, per capita', path: () => '/api/leaderboards/communities?period=all&perCapita=true' },
  ];

  let k = 0;
  const board = (period: string) => () => ({
    method: 'GET' as const,
    path: `/api/leaderboards/volunteers?period=${period}`,
    headers: { authorization: auth[k++ % auth.length].token },
  });
  if (values['cpu-prof']) {
    const profiled = await load({ label: `volunteers, week, ${connections} callers (profiled)`, url: running.url, connections, seconds: Number(values.seconds), next: board('week') });
    await running.close();
    process.stdout.write(`${JSON.stringify(profiled)}\nprofile written to ${values['cpu-prof']} (load before: ${load0})\n`);
    return;
  }

  const latency = [];
  for (const s of scenarios) latency.push(await sequentialLatency({ label: s.label, count: samples, request: (i) => get(s.path(i), i) }));

  // Plans before the concurrent runs, so no request of theirs is still in flight while capturing.
  const plans: { label: string; plans: { text: string; plan: string }[] }[] = [];
  if (values.plans) {
    // The plan of the dearest caller: the middle of the field, where "rows ahead" is largest.
    const middle = auth.length >> 1;
    for (const s of scenarios) {
      const queries = await captureQueries(async () => {
        await (await get(s.path(middle), middle)).arrayBuffer();
      });
      plans.push({ label: s.label, plans: await explainAll(url, queries) });
    }
  }

  // The yardstick first, in the same run: a bare Express route in a process of its own.
  const concurrent: LoadSummary[] = [];
  const bare = await startBareProcess();
  concurrent.push(await load({ label: `bare Express route, ${connections} connections`, url: bare.url, pid: bare.pid, connections, seconds: Number(values.seconds), next: () => ({ method: 'GET', path: '/bare' }) }));
  await bare.close();
  for (const period of ['week', 'all']) {
    concurrent.push(
      await load({ label: `volunteers, ${period}, ${connections} callers at once`, url: running.url, pid: 'pid' in running ? (running.pid as number) : undefined, connections, seconds: Number(values.seconds), next: board(period) }),
    );
  }

  await running.close();

  process.stdout.write(
    `PostgreSQL server, ${v} volunteers, ${l} ledger rows, ${callers.length} callers; app ${inProcess ? 'in process' : 'out of process (api/dist/main.js)'}; load average before ${load0}, after ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; ${JSON.stringify(machine())}\n\n`,
  );
  process.stdout.write(`One request at a time, top 50 + own rank (${samples} samples each, ms):\n\n`);
  process.stdout.write(table(latency.map((x) => ({ scenario: x.label, p50: x.p50, p95: x.p95, p99: x.p99, max: x.max, failures: x.failures }))) + '\n\n');
  process.stdout.write('Concurrent (autocannon, ms; p95 interpolated between p90 and p97.5):\n\n');
  const bareRps = concurrent[0].rps;
  process.stdout.write(
    table(
      concurrent.map((r) => ({
        run: r.label,
        'req/s': r.rps,
        'of bare': `${Math.round((r.rps / bareRps) * 100)} %`,
        'server CPU µs/request': r.cpuUsPerRequest ?? '',
        p50: r.p50,
        p95: r.p95,
        p99: r.p99,
        requests: r.requests,
        'non-2xx': r.non2xx,
      })),
    ) + '\n',
  );
  for (const p of plans) {
    process.stdout.write(`\n### ${p.label}\n`);
    for (const x of p.plans) process.stdout.write(`\n${x.text}\n\n${x.plan}\n`);
  }
}

await main();
