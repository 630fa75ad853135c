/**
 * The streamed tip export at scale: every tip of the city (2M with scripts/seed/scale.ts) as CSV,
 * read by a client as fast as it can, from the app running as a separate process exactly as
 * `npm start` runs it (`MALLOC_ARENA_MAX=2 node --enable-source-maps api/dist/main.js`, built
 * first; `RATE_LIMITS=off`) so its memory is measured alone:
 *
 *   SCALE_PASSWORD=demo12345 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/hy_scale npx tsx scripts/bench/export.ts [--district 11] [--gzip] [--node-flags=--trace-gc] [--server-log FILE] [--idle-seconds 65]
 *
 * Reports rows, bytes, seconds, rows/s and the server's resident memory (VmRSS from /proc, sampled
 * every 100 ms): before, peak during, and the growth; and, from `memory-sampler.mjs` preloaded
 * into the server, where it went (V8 heap used and reserved, young and old generation, Buffers
 * outside the heap) — the peak of each during the export minus its value just before.
 * `--gzip` asks for `Accept-Encoding: gzip` as a browser does (the app compresses GET answers).
 * `--node-flags=…` adds flags to the server's node (e.g. `--trace-gc`, `--max-semi-space-size=4`);
 * `--server-log` keeps its stdout; `--idle-seconds N` leaves the server idle N s before the measured
 * export (V8 shrinks an idle heap: the export then grows the young generation back);
 * DATABASE_STATEMENT_TIMEOUT_MS, when set, is passed to the server.
 * A second run hangs up after 5 MB and checks pg_stat_activity for anything the export left open.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { freePort } from '../../api/test/support/listen';
import { APP_NODE_FLAGS, buildApi, machine, table } from './support';

const { values } = parseArgs({
  options: {
    district: { type: 'string' },
    gzip: { type: 'boolean', default: false },
    'node-flags': { type: 'string', default: '' },
    'server-log': { type: 'string' },
    'idle-seconds': { type: 'string', default: '0' },
  },
});
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hy_scale_map';
const root = path.resolve(import.meta.dirname, '../..');

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

type MemorySample = { at: number; rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number; newSpace: number; oldSpace: number; largeObjects: number };

async function startServer() {
  buildApi();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hy-bench-export-'));
  const memoryFile = path.join(dataDir, 'memory.jsonl');
  const port = await freePort();
  const flags = values['node-flags'].split(/\s+/).filter(Boolean);
  const sampler = path.join(import.meta.dirname, 'memory-sampler.mjs');
  const child = spawn(process.execPath, ['--import', sampler, ...flags, ...APP_NODE_FLAGS, 'api/dist/main.js'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: url,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      RATE_LIMITS: 'off',
      // As `npm start` sets it.
      MALLOC_ARENA_MAX: '2',
      HY_MEMORY_FILE: memoryFile,
      // Passed on when set (0 turns the answer deadline off: a comparison of its cost).
      ...(process.env.DATABASE_STATEMENT_TIMEOUT_MS ? { DATABASE_STATEMENT_TIMEOUT_MS: process.env.DATABASE_STATEMENT_TIMEOUT_MS } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const log = values['server-log'] ? createWriteStream(values['server-log']) : undefined;
  child.stdout!.on('data', (c: Buffer) => (log ? log.write(c) : (output += c)));
  child.stderr!.on('data', (c: Buffer) => (output += c));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    const ok = await fetch(`${base}/readyz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 600) throw new Error(`server not ready: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    pid: child.pid!,
    /** Stops the server and returns its memory samples. */
    stop: async (): Promise<MemorySample[]> => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      log?.end();
      let samples: MemorySample[] = [];
      try {
        samples = readFileSync(memoryFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as MemorySample);
      } catch {
        // The server did not exit cleanly: RSS from /proc is still reported.
      }
      rmSync(dataDir, { recursive: true, force: true });
      return samples;
    },
  };
}

/**
 * Reads the export; returns rows, bytes (as sent, compressed with --gzip), seconds and the window
 * it ran in, sampling the server's RSS meanwhile. Stops early after `hangUpAfter` bytes.
 */
function readExport(target: string, auth: string, pid: number, hangUpAfter?: number) {
  type Result = { rows: number; bytes: number; seconds: number; peakRss: number; status: number; start: number; end: number };
  return new Promise<Result>((resolve, reject) => {
    let peakRss = rssOf(pid);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(pid))), 100);
    const start = Date.now();
    const t0 = performance.now();
    let rows = 0;
    let bytes = 0;
    const headers: Record<string, string> = { authorization: auth, ...(values.gzip ? { 'accept-encoding': 'gzip' } : {}) };
    const done = (rowsRead: number, status: number) => {
      clearInterval(sampler);
      resolve({ rows: rowsRead, bytes, seconds: (performance.now() - t0) / 1000, peakRss, status, start, end: Date.now() });
    };
    const req = http.get(target, { headers }, (res) => {
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (hangUpAfter !== undefined && bytes > hangUpAfter) {
          req.destroy();
          done(rows, res.statusCode ?? 0);
        }
      });
      const body = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
      body.on('data', (chunk: Buffer) => {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
      });
      // The header line is not a tip.
      body.on('end', () => done(rows - 1, res.statusCode ?? 0));
      body.on('error', (err) => (hangUpAfter === undefined ? reject(err) : undefined));
    });
    req.on('error', (err) => (hangUpAfter === undefined ? reject(err) : undefined));
  });
}

/** Signs in as the seeded admin (scripts/seed/scale.ts gives every seeded user the same password). */
async function adminToken(base: string, db: pg.Client): Promise<string> {
  const { rows } = await db.query<{ phone: string }>(`SELECT phone FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`);
  if (!rows.length) throw new Error('no admin: fill the database with scripts/seed/scale.ts first');
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: rows[0].phone, password: process.env.SCALE_PASSWORD ?? 'scale-pass-2026' }),
  });
  if (!res.ok) throw new Error(`admin sign-in failed: ${res.status} ${await res.text()}`);
  return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
}

/** Sessions of the database other than ours that are running something or hold a transaction. */
async function busySessions(db: pg.Client): Promise<string[]> {
  const { rows } = await db.query<{ state: string; query: string }>(
    `SELECT state, left(query, 80) AS query FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND (state <> 'idle' OR xact_start IS NOT NULL)`,
  );
  return rows.map((r) => `${r.state}: ${r.query}`);
}

/** Each memory figure's peak during [start, end] minus its last sample before start. */
function memoryGrowth(samples: MemorySample[], start: number, end: number) {
  const before = samples.filter((x) => x.at < start).at(-1);
  const during = samples.filter((x) => x.at >= start && x.at <= end);
  if (!before || !during.length) return undefined;
  const keys = ['rss', 'heapTotal', 'heapUsed', 'newSpace', 'oldSpace', 'largeObjects', 'external', 'arrayBuffers'] as const;
  return keys.map((key) => {
    const peak = Math.max(...during.map((x) => x[key]));
    return { 'in the server (MB)': key, before: before[key], peak, growth: Math.round((peak - before[key]) * 10) / 10 };
  });
}

async function main(): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const server = await startServer();
  let samples: MemorySample[] | undefined;
  try {
    const auth = await adminToken(server.base, db);
    const query = values.district ? `?districtId=${values.district}` : '';
    const target = `${server.base}/api/tips/export.csv${query}`;
    // Warm the process (JIT, pool) with a small export before measuring.
    await readExport(`${server.base}/api/tips/export.csv?districtId=5&from=2026-11-01`, auth, server.pid);
    // An idle server first, when asked: V8 shrinks an idle heap, and the export grows it back.
    await new Promise((r) => setTimeout(r, Number(values['idle-seconds']) * 1000));
    const before = rssOf(server.pid);
    const full = await readExport(target, auth, server.pid);
    const after = rssOf(server.pid);

    const hangUp = await readExport(target, auth, server.pid, 5 * 2 ** 20);
    let busy: string[] = [];
    for (let i = 0; i < 50; i++) {
      busy = await busySessions(db);
      if (!busy.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    samples = await server.stop();

    const mb = (x: number) => Math.round(x * 10) / 10;
    const flags = values['node-flags'] ? `, node ${values['node-flags']}` : '';
    process.stdout.write(
      `PostgreSQL server, export of ${values.district ? `district ${values.district}` : 'the whole city'}${values.gzip ? ', gzip' : ''}${flags}; ${JSON.stringify(machine())}\n\n`,
    );
    process.stdout.write(
      table([
        {
          status: full.status,
          rows: full.rows,
          MB: mb(full.bytes / 2 ** 20),
          seconds: mb(full.seconds),
          'rows/s': Math.round(full.rows / full.seconds),
          'RSS before (MB)': mb(before),
          'RSS peak (MB)': mb(full.peakRss),
          'RSS growth (MB)': mb(full.peakRss - before),
          'RSS after (MB)': mb(after),
        },
      ]) + '\n\n',
    );
    const growth = memoryGrowth(samples, full.start, full.end);
    if (growth) process.stdout.write(table(growth) + '\n\n');
    process.stdout.write(`Client hung up after ${mb(hangUp.bytes / 2 ** 20)} MB (${hangUp.rows} rows): sessions still busy afterwards: ${busy.length ? busy.join('; ') : 'none'}\n`);
  } finally {
    if (!samples) await server.stop();
    await db.end();
  }
}

await main();
