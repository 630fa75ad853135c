/**
 * Shared by the benchmarks: the real app started in-process (createApp + startRuntime, temp
 * DATA_DIR, silent logs) on PGlite or on a database of the PostgreSQL server, autocannon runs
 * summarised the same way, and EXPLAIN plans. Benchmarks are scripts, never timed tests.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { createApp } from '../../api/src/app';
import { loadConfig, type Config } from '../../api/src/config';
import { openPostgres, type Database } from '../../api/src/db/client';
import { setJwtSecret } from '../../api/src/modules/auth/tokens';
import { createLogger } from '../../api/src/lib/logger';
import { startRuntime } from '../../api/src/runtime';
import { freePort, listen } from '../../api/test/support/listen';

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

const root = path.resolve(import.meta.dirname, '../..');
/** Another checkout's build to measure instead (a "before" figure): BENCH_APP_ROOT=/path/to/checkout with api/dist built. */
const appRoot = process.env.BENCH_APP_ROOT ?? root;

/**
 * The node flags `npm start` runs the app with (package.json and api/package.json, with
 * `MALLOC_ARENA_MAX=2` in its environment): every benchmark that starts the app out of process
 * starts it with these, so it measures what production runs. A young generation of 32 MB
 * semi-spaces instead of V8's 16 MB: a request's garbage (JSON text, headers, promises) is
 * collected half as often (docs/performance.md §7, "Sixth pass").
 */
export const APP_NODE_FLAGS: readonly string[] = ['--enable-source-maps', '--max-semi-space-size=32'];

/** Builds the API as `npm start` does (api/dist/main.js), once per benchmark run (not for BENCH_APP_ROOT). */
export function buildApi(): void {
  if (process.env.BENCH_APP_ROOT) return;
  execFileSync('npm', ['run', 'build', '-w', 'api'], { cwd: root, stdio: 'ignore' });
}

async function waitForPort(child: ChildProcess, url: string, stderr: () => string): Promise<void> {
  // A first start migrates the database, which at scale can take minutes.
  const deadline = Date.now() + 900_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${stderr()}`);
    if (Date.now() > deadline) throw new Error(`server did not start:\n${stderr()}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}

/**
 * The built app in a process of its own, as `npm start` runs it (`node api/dist/main.js`, its
 * default logging to a discarded stdout, budgets off), so the load generator does not share its
 * event loop. The benchmark keeps a pool of its own (`database`) to pick callers, and signs their
 * tokens with the secret it hands the server. `cpuProfDir`: the server runs under
 * `node --cpu-prof` and writes its profile there when it stops.
 */
export async function startAppProcess(opts: { databaseUrl: string; poolSize?: number; cpuProfDir?: string }): Promise<RunningApp & { pid: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hy-bench-'));
  const jwtSecret = randomBytes(48).toString('base64url');
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    RATE_LIMITS: 'off',
    JWT_SECRET: jwtSecret,
    DATABASE_URL: opts.databaseUrl,
    DATABASE_POOL_SIZE: String(opts.poolSize ?? 10),
  };
  const profile = opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
  const child = spawn(process.execPath, [...profile, ...APP_NODE_FLAGS, 'api/dist/main.js'], {
    cwd: appRoot,
    env: { ...env, MALLOC_ARENA_MAX: '2' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c));
  const url = `http://127.0.0.1:${port}`;
  await waitForPort(child, url, () => stderr).catch(async (err: unknown) => {
    await stopChild(child);
    throw err;
  });
  setJwtSecret(jwtSecret);
  const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
  const database = await openPostgres(opts.databaseUrl, { poolSize: 2 });
  return {
    url,
    config,
    database,
    pid: child.pid!,
    close: async () => {
      await stopChild(child);
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A bare Express route (`GET /bare` answering a small JSON) in a process of its own: the yardstick of a throughput target. */
export async function startBareProcess(): Promise<{ url: string; pid: number; close: () => Promise<void> }> {
  const port = await freePort();
  const code = `const express = require('express'); const app = express(); app.disable('x-powered-by');
    app.get('/bare', (req, res) => { res.json({ ok: true, at: Date.now() }); });
    app.listen(${port}, '127.0.0.1');`;
  // The app's node flags here too: the yardstick is Express, not a difference in V8's settings.
  const child = spawn(process.execPath, [...APP_NODE_FLAGS, '-e', code], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (!(await fetch(`${url}/bare`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`bare server did not start:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, pid: child.pid!, close: () => stopChild(child) };
}

/** A fresh, empty database of our own on the server (dropped first if it exists). */
export async function freshServerDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  // Only the throw-away hy_bench* databases: the scale data set (hy_scale*) takes half an hour to
  // seed and other benchmarks read it — a recreate of it once cost a session its 2M-tip set.
  if (!/^hy_bench[a-z0-9_]*$/.test(name)) throw new Error(`refusing to recreate "${name}": only hy_bench* databases are dropped and recreated`);
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
  /** With `pid`: the server process's CPU time (user + system) per answered request, µs — what the load on the machine does not inflate much. */
  cpuUsPerRequest?: number;
};

/** A process's CPU time so far (user + system), ms, from /proc (Linux); null elsewhere. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11], fields[12]: utime, stime (the 14th and 15th of the line), in clock ticks of 10 ms
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

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
  /** The server's process: its CPU time per request is reported (`cpuUsPerRequest`). */
  pid?: number;
}): Promise<LoadSummary> {
  const requests = [{ setupRequest: (req: Request): Request => ({ ...req, ...opts.next() }) }];
  if ((opts.warmupSeconds ?? 2) > 0) {
    await autocannon({ url: opts.url, connections: opts.connections, duration: opts.warmupSeconds ?? 2, requests });
  }
  const cpuBefore = opts.pid === undefined ? null : processCpuMs(opts.pid);
  const r = await autocannon({ url: opts.url, connections: opts.connections, duration: opts.seconds, requests, timeout: 30 });
  const cpuAfter = opts.pid === undefined ? null : processCpuMs(opts.pid);
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
    ...(cpuBefore !== null && cpuAfter !== null && r.requests.total > 0 ? { cpuUsPerRequest: Math.round(((cpuAfter - cpuBefore) * 1000) / r.requests.total) } : {}),
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
