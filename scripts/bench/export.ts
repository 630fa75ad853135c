/**
 * The streamed tip export at scale: every tip of the city (2M with scripts/seed/scale.ts) as CSV,
 * read by a client as fast as it can, from the app running as a separate process (as `npm run dev`
 * runs it, `RATE_LIMITS=off`) so its memory is measured alone:
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/hy_scale_map npx tsx scripts/bench/export.ts [--district 11]
 *
 * Reports rows, bytes, seconds, rows/s and the server's resident memory (VmRSS from /proc, sampled
 * every 100 ms): before, peak during, and the growth. A second run hangs up after 5 MB and checks
 * pg_stat_activity for anything the export left open.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { freePort } from '../../api/test/support/listen';
import { machine, table } from './support';

const { values } = parseArgs({ options: { district: { type: 'string' } } });
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hy_scale_map';
const apiDir = path.resolve(import.meta.dirname, '../../api');

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function startServer() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hy-bench-export-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
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
      MALLOC_ARENA_MAX: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c));
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
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Reads the export; returns rows, bytes and seconds, sampling the server's RSS meanwhile. Stops early after `hangUpAfter` bytes. */
function readExport(target: string, auth: string, pid: number, hangUpAfter?: number) {
  return new Promise<{ rows: number; bytes: number; seconds: number; peakRss: number; status: number }>((resolve, reject) => {
    let peakRss = rssOf(pid);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(pid))), 100);
    const t0 = performance.now();
    let rows = 0;
    let bytes = 0;
    const req = http.get(target, { headers: { authorization: auth } }, (res) => {
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
        if (hangUpAfter !== undefined && bytes > hangUpAfter) {
          req.destroy();
          clearInterval(sampler);
          resolve({ rows, bytes, seconds: (performance.now() - t0) / 1000, peakRss, status: res.statusCode ?? 0 });
        }
      });
      res.on('end', () => {
        clearInterval(sampler);
        // The header line is not a tip.
        resolve({ rows: rows - 1, bytes, seconds: (performance.now() - t0) / 1000, peakRss, status: res.statusCode ?? 0 });
      });
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

async function main(): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const server = await startServer();
  try {
    const auth = await adminToken(server.base, db);
    const query = values.district ? `?districtId=${values.district}` : '';
    const target = `${server.base}/api/tips/export.csv${query}`;
    // Warm the process (JIT, pool) with a small export before measuring.
    await readExport(`${server.base}/api/tips/export.csv?districtId=5&from=2026-11-01`, auth, server.pid);
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

    const mb = (x: number) => Math.round(x * 10) / 10;
    process.stdout.write(`PostgreSQL server, export of ${values.district ? `district ${values.district}` : 'the whole city'}; ${JSON.stringify(machine())}\n\n`);
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
    process.stdout.write(`Client hung up after ${mb(hangUp.bytes / 2 ** 20)} MB (${hangUp.rows} rows): sessions still busy afterwards: ${busy.length ? busy.join('; ') : 'none'}\n`);
  } finally {
    await server.stop();
    await db.end();
  }
}

await main();
