/**
 * Shared by the benchmarks: the real app started in-process (createApp + startRuntime, temp
 * DATA_DIR, silent logs) on PGlite or on a database of the PostgreSQL server, autocannon runs
 * summarised the same way, and EXPLAIN plans. Benchmarks are scripts, never timed tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { createApp } from '../../api/src/app';
import { loadConfig, type Config } from '../../api/src/config';
import type { Database } from '../../api/src/db/client';
import { createLogger } from '../../api/src/lib/logger';
import { startRuntime } from '../../api/src/runtime';
import { listen } from '../../api/test/support/listen';

export { listen };

export type RunningApp = { url: string; config: Config; database: Database; close: () => Promise<void> };

/**
 * The real app: migrated, reference data seeded, silent logs, rate limits out of the way.
 * `databaseUrl` unset means embedded PGlite in a temp DATA_DIR.
 */
export async function startApp(opts: { databaseUrl?: string; poolSize?: number; seedDemo?: boolean } = {}): Promise<RunningApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hy-bench-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: opts.seedDemo ? 'true' : 'false',
    RATE_LIMITS: 'off',
    DATABASE_POOL_SIZE: String(opts.poolSize ?? 10),
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
  });
  const log = createLogger('silent');
  const database = await startRuntime(config, log);
  const app = createApp({ config, log, ping: () => database.ping() });
  const server = await listen(app);
  return {
    url: server.url,
    config,
    database,
    close: async () => {
      await server.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh, empty database of our own on the server (dropped first if it exists). */
export async function freshServerDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^hy_(bench|scale)[a-z0-9_]*$/.test(name)) throw new Error(`refusing to recreate "${name}": benchmark databases are hy_bench* / hy_scale*`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
}

export type LoadSummary = {
  label: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
};

type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer };

/**
 * One autocannon run after a short unrecorded warm-up. `next` builds each request (a different
 * volunteer, key or body per request). p95 is not reported by autocannon: it is interpolated
 * between p90 and p97.5, which is exact enough at these sample counts and marked as such.
 */
export async function load(opts: {
  label: string;
  url: string;
  connections: number;
  seconds: number;
  warmupSeconds?: number;
  next: () => Request;
}): Promise<LoadSummary> {
  const requests = [{ setupRequest: (req: Request): Request => ({ ...req, ...opts.next() }) }];
  if ((opts.warmupSeconds ?? 2) > 0) {
    await autocannon({ url: opts.url, connections: opts.connections, duration: opts.warmupSeconds ?? 2, requests });
  }
  const r = await autocannon({ url: opts.url, connections: opts.connections, duration: opts.seconds, requests, timeout: 30 });
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count]));
  return {
    label: opts.label,
    connections: opts.connections,
    seconds: opts.seconds,
    requests: r.requests.total,
    rps: Math.round(r.requests.average * 10) / 10,
    p50: r.latency.p50,
    p95: Math.round((r.latency.p90 + ((r.latency.p97_5 - r.latency.p90) * 5) / 7.5) * 10) / 10,
    p99: r.latency.p99,
    max: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    statusCodes,
  };
}

/**
 * Latency of one request at a time (no queueing): the time a single caller waits. Exact
 * percentiles from every sample.
 */
export async function sequentialLatency(opts: {
  label: string;
  count: number;
  warmup?: number;
  request: (i: number) => Promise<Response>;
}): Promise<{ label: string; count: number; p50: number; p95: number; p99: number; max: number; mean: number; failures: number }> {
  let failures = 0;
  for (let i = 0; i < (opts.warmup ?? 20); i++) await (await opts.request(i)).arrayBuffer();
  const samples: number[] = [];
  for (let i = 0; i < opts.count; i++) {
    const t0 = performance.now();
    const res = await opts.request(i);
    await res.arrayBuffer();
    samples.push(performance.now() - t0);
    if (!res.ok) failures++;
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => Math.round(samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)] * 100) / 100;
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
  return { label: opts.label, count: opts.count, p50: at(50), p95: at(95), p99: at(99), max: at(100), mean: Math.round(mean * 100) / 100, failures };
}

export const machine = () => ({
  date: new Date().toISOString(),
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.type()} ${os.release()}`,
});

export function table(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return '';
  const cols = Object.keys(rows[0]);
  const line = (cells: unknown[]) => `| ${cells.map(String).join(' | ')} |`;
  return [line(cols), line(cols.map(() => '---')), ...rows.map((r) => line(cols.map((c) => r[c])))].join('\n');
}

export type CapturedQuery = { text: string; values: unknown[] };

/**
 * Records every statement the app sends to the server while `work` runs, so the plans shown are
 * of exactly what an endpoint executes (drizzle builds the SQL; we never retype it).
 */
export async function captureQueries(work: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const seen: CapturedQuery[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string') seen.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first === 'object' && 'text' in first) {
      const q = first as { text: string; values?: unknown[] };
      seen.push({ text: q.text, values: q.values ?? (Array.isArray(second) ? second : []) });
    }
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return seen.filter((q) => /^\s*(select|with|update|insert|delete)/i.test(q.text));
}

/** EXPLAIN (ANALYZE, BUFFERS) of each captured statement; writes are rolled back. */
export async function explainAll(url: string, queries: CapturedQuery[]): Promise<{ text: string; plan: string }[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const out: { text: string; plan: string }[] = [];
  try {
    for (const q of queries) {
      await c.query('BEGIN');
      try {
        const { rows } = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values);
        out.push({ text: q.text, plan: rows.map((r) => r['QUERY PLAN']).join('\n') });
      } finally {
        await c.query('ROLLBACK');
      }
    }
  } finally {
    await c.end();
  }
  return out;
}
