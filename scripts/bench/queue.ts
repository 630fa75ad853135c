/**
 * Triage queue page latency and claim throughput on the PostgreSQL server at scale.
 * Needs a database filled by scripts/seed/scale.ts (2M tips):
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/hy_scale npx tsx scripts/bench/queue.ts [--samples 300] [--plans] [--in-process]
 *
 * The app runs out of process (the built api/dist/main.js, as `npm start`); --plans (which
 * captures statements from the pg client) and --in-process run it inside this process instead.
 * Page latency is measured one request at a time (what one officer waits) and under 10
 * concurrent officers; claims by many officers at once, each from their own district. Claims the
 * run makes are released again at the end. --plans prints EXPLAIN (ANALYZE, BUFFERS) of every
 * statement each scenario runs.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { inArray, sql } from 'drizzle-orm';
import { users } from '../../api/src/db/schema/index';
import { actorOf } from '../../api/src/modules/auth/auth.service';
import { signAccessToken } from '../../api/src/modules/auth/tokens';
import { buildApi, captureQueries, explainAll, load, machine, sequentialLatency, startApp, startAppProcess, table } from './support';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '300' },
    seconds: { type: 'string', default: '10' },
    plans: { type: 'boolean', default: false },
    'in-process': { type: 'boolean', default: false },
  },
});
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hy_scale';
const samples = Number(values.samples);

async function main(): Promise<void> {
  const started = new Date();
  const inProcess = values['in-process'] || values.plans;
  const load0 = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  if (!inProcess) buildApi();
  const running = inProcess ? await startApp({ databaseUrl: url, poolSize: 10 }) : await startAppProcess({ databaseUrl: url, poolSize: 10 });
  const db = running.database.db;
  const officers = await db.select().from(users).where(inArray(users.role, ['officer']));
  if (officers.length === 0) throw new Error('no officers: fill the database with scripts/seed/scale.ts first');
  const [{ n: tipCount }] = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM tips`)).rows;
  const auth = officers.map((o) => `Bearer ${signAccessToken(actorOf(o))}`);
  const get = (path: string, i: number) => fetch(`${running.url}${path}`, { headers: { authorization: auth[i % auth.length] } });

  // A second page needs a cursor: take it from each officer's first page.
  const cursors: string[] = [];
  for (let i = 0; i < Math.min(auth.length, 50); i++) {
    const body = (await (await get('/api/queue', i)).json()) as { nextCursor: string | null };
    cursors.push(body.nextCursor ?? '');
  }

  const scenarios: { label: string; path: (i: number) => string }[] = [
    { label: 'first page, submitted (with status counts)', path: () => '/api/queue' },
    { label: 'next page (keyset cursor)', path: (i) => `/api/queue?cursor=${encodeURIComponent(cursors[i % cursors.length])}` },
    { label: 'first page, status=valid', path: () => '/api/queue?status=valid' },
    { label: 'first page, category=fraud&priority=high', path: () => '/api/queue?category=fraud&priority=high' },
    { label: 'first page, last 7 days', path: () => `/api/queue?from=${new Date(Date.now() - 7 * 86_400_000).toISOString()}` },
    { label: 'free text q=转账', path: () => `/api/queue?q=${encodeURIComponent('转账')}` },
  ];

  const latency = [];
  for (const s of scenarios) {
    latency.push(await sequentialLatency({ label: s.label, count: samples, request: (i) => get(s.path(i), i) }));
  }

  // Plans before the concurrent runs, so no request of theirs is still in flight while capturing.
  const plans: { label: string; plans: { text: string; plan: string }[] }[] = [];
  if (values.plans) {
    for (const s of [...scenarios, { label: 'claim next', path: () => '' }]) {
      const queries = await captureQueries(async () => {
        const res = s.path(0)
          ? await get(s.path(0), 0)
          : await fetch(`${running.url}/api/queue/claim`, { method: 'POST', headers: { authorization: auth[0], 'content-type': 'application/json' }, body: '{}' });
        await res.arrayBuffer();
      });
      plans.push({ label: s.label, plans: await explainAll(url, queries) });
    }
  }

  let k = 0;
  const concurrent = await load({
    label: 'GET /api/queue first page, 10 officers at once',
    url: running.url,
    connections: 10,
    seconds: Number(values.seconds),
    next: () => ({ method: 'GET', path: '/api/queue', headers: { authorization: auth[k++ % auth.length] } }),
  });
  const claims = await load({
    label: 'POST /api/queue/claim, 10 officers at once',
    url: running.url,
    connections: 10,
    seconds: Number(values.seconds),
    next: () => ({
      method: 'POST',
      path: '/api/queue/claim',
      headers: { authorization: auth[k++ % auth.length], 'content-type': 'application/json' },
      body: '{}',
    }),
  });


  await running.close();
  await releaseBenchClaims(started);

  process.stdout.write(
    `PostgreSQL server, ${tipCount} tips, ${officers.length} officers; app ${inProcess ? 'in process' : 'out of process (api/dist/main.js)'}; load average before ${load0}, after ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; ${JSON.stringify(machine())}\n\n`,
  );
  process.stdout.write(`One request at a time (${samples} samples each, ms):\n\n`);
  process.stdout.write(table(latency.map((l) => ({ scenario: l.label, p50: l.p50, p95: l.p95, p99: l.p99, max: l.max, failures: l.failures }))) + '\n\n');
  process.stdout.write('Concurrent (autocannon, ms; p95 interpolated between p90 and p97.5):\n\n');
  process.stdout.write(
    table(
      [concurrent, claims].map((r) => ({ run: r.label, 'req/s': r.rps, p50: r.p50, p95: r.p95, p99: r.p99, requests: r.requests, 'non-2xx': r.non2xx })),
    ) + '\n',
  );
  for (const p of plans) {
    process.stdout.write(`\n### ${p.label}\n`);
    for (const x of p.plans) process.stdout.write(`\n${x.text}\n\n${x.plan}\n`);
  }
}

/** Claims are real writes: undo the run's own (audited) claims so the seeded queue stays as seeded. */
async function releaseBenchClaims(since: Date): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(
    `UPDATE tips SET claimed_by_id = NULL, claim_expires_at = NULL
     WHERE id IN (SELECT entity_id::uuid FROM audit_log WHERE action = 'tip.claim' AND created_at >= $1)`,
    [since],
  );
  await c.query(`DELETE FROM audit_log WHERE action = 'tip.claim' AND created_at >= $1`, [since]);
  await c.end();
}

await main();
