/**
 * Tip submission against its fair ceiling, everything out of process (issue 12):
 *
 *   npm run build -w api && npx tsx scripts/bench/tips.ts            # the server, then PGlite
 *   options: --db postgres|pglite|both  --seconds 15 --warmup 3 --connections 50 --volunteers 200
 *            --no-multipart  --no-json  --cpu-prof DIR (the app's CPU profile: node --cpu-prof)  --json
 *            --loop-delay (the app's event-loop delay from its first request to its exit, printed
 *            per app run: scripts/bench/loop-delay.mjs; with --no-json, the multipart run alone)
 *
 * Per database, in one run: the bare route (express.json + a tiny answer, no database), the
 * ceiling (scripts/bench/ceiling-server.ts: express.json + ONE prepared statement writing the tip
 * and its history row into the app's real tables), `POST /api/tips` JSON and multipart with one
 * 1920×1440 JPEG on the app as `npm start` runs it (`node api/dist/main.js`, NODE_ENV=production,
 * logs at info to a file, RATE_LIMITS=off), then the ceiling again (drift check). Each request
 * comes from another volunteer (their own token) with its own Idempotency-Key. This process only
 * generates load (autocannon). Afterwards the rows are counted: every acknowledged (201) tip of
 * every run, warm-ups included, must be in the database once, with its history entry and
 * idempotency record (a few more: requests in flight when a run's clock stopped, committed but
 * never counted by autocannon; at most one per connection and run). Percentages are of the ceiling measured in the same run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { asc, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { loadConfig } from '../../api/src/config';
import { openPglite, openPostgres, type Database } from '../../api/src/db/client';
import { communities, users } from '../../api/src/db/schema/index';
import { createLogger } from '../../api/src/lib/logger';
import { actorOf } from '../../api/src/modules/auth/auth.service';
import { signAccessToken } from '../../api/src/modules/auth/tokens';
import { startRuntime, stopRuntime } from '../../api/src/runtime';
import { freePort } from '../../api/test/support/listen';
import { APP_NODE_FLAGS, freshServerDatabase, load, machine, table, type LoadSummary } from './support';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    seconds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    volunteers: { type: 'string', default: '200' },
    'no-multipart': { type: 'boolean', default: false },
    'no-json': { type: 'boolean', default: false },
    'loop-delay': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const connections = Number(values.connections);
const volunteerCount = Number(values.volunteers);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hy_bench';
const root = path.resolve(import.meta.dirname, '../..');
const jwtSecret = randomBytes(48).toString('base64url');

type Volunteer = { id: string; token: string; districtId: number };
type Target = { kind: 'postgres' | 'pglite'; dataDir: string; databaseUrl?: string };

/** A camera-like photo: smooth gradients with mild noise (compresses like a real scene, ~0.5 MB). */
async function samplePhoto(): Promise<Buffer> {
  const width = 1920;
  const height = 1440;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const noise = (Math.random() - 0.5) * 24;
      raw[i] = 120 + 80 * Math.sin(x / 97) + noise;
      raw[i + 1] = 110 + 70 * Math.cos(y / 61) + noise;
      raw[i + 2] = 100 + 60 * Math.sin((x + y) / 143) + noise;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

function multipart(fields: Record<string, string>, photo: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----hybench${randomUUID().replaceAll('-', '')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="IMG_0001.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    photo,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Migrated and seeded by the app's own start-up code, volunteers inserted; closed again before any server starts. */
async function prepare(kind: Target['kind']): Promise<{ target: Target; volunteers: Volunteer[] }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hy-bench-tips-'));
  if (kind === 'postgres') await freshServerDatabase(serverUrl);
  const target: Target = { kind, dataDir, ...(kind === 'postgres' ? { databaseUrl: serverUrl } : {}) };
  const config = loadConfig({
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    RATE_LIMITS: 'off',
    JWT_SECRET: jwtSecret,
    ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}),
  });
  const database = await startRuntime(config, createLogger('silent'));
  const db = database.db;
  const comms = await db.select({ id: communities.id, districtId: communities.districtId }).from(communities).orderBy(asc(communities.id));
  const rows = await db
    .insert(users)
    .values(
      Array.from({ length: volunteerCount }, (_, i) => {
        const c = comms[(i * 7) % comms.length];
        return {
          phone: `188${String(i).padStart(8, '0')}`,
          passwordHash: 'not-used-by-the-benchmark',
          displayName: `压测群众${i}`,
          role: 'volunteer' as const,
          communityId: c.id,
          districtId: c.districtId,
        };
      }),
    )
    .returning();
  const volunteers = rows.map((u) => ({ id: u.id, token: `Bearer ${signAccessToken(actorOf(u))}`, districtId: u.districtId ?? 1 }));
  await database.close();
  await stopRuntime();
  return { target, volunteers };
}

type Server = { url: string; child: ChildProcess; logFd: number };

async function startServer(opts: { args: string[]; env: Record<string, string>; ready: string; logFile: string }): Promise<Server> {
  const port = await freePort();
  const logFd = openSync(opts.logFile, 'a');
  const child = spawn(process.execPath, opts.args, {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: String(port), ...opts.env },
    stdio: ['ignore', logFd, 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${stderr}`);
    if (Date.now() > deadline) throw new Error(`server did not start:\n${stderr}`);
    const ok = await fetch(`${url}${opts.ready}`, { method: opts.ready === '/bare' ? 'POST' : 'GET' }).then((r) => r.ok, () => false);
    if (ok) return { url, child, logFd };
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
  closeSync(server.logFd);
}

const startCeiling = (t: Target) =>
  startServer({
    args: ['--import', 'tsx', 'scripts/bench/ceiling-server.ts'],
    env: t.databaseUrl ? { DATABASE_URL: t.databaseUrl, DATABASE_POOL_SIZE: '10' } : { DATA_DIR: t.dataDir },
    ready: '/bare',
    logFile: path.join(t.dataDir, 'ceiling.log'),
  });

const startApp = (t: Target) =>
  startServer({
    args: [
      ...(values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(values['cpu-prof'])] : []),
      ...(values['loop-delay'] ? ['--import', './scripts/bench/loop-delay.mjs'] : []),
      ...APP_NODE_FLAGS,
      'api/dist/main.js',
    ],
    env: {
      HY_LOOP_DELAY_FILE: path.join(t.dataDir, 'loop-delay.json'),
      NODE_ENV: 'production',
      MALLOC_ARENA_MAX: '2',
      DATA_DIR: t.dataDir,
      SEED_DEMO: 'false',
      RATE_LIMITS: 'off',
      JWT_SECRET: jwtSecret,
      ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}),
    },
    ready: '/readyz',
    logFile: path.join(t.dataDir, 'app.log'),
  });

type Run = LoadSummary & { acknowledged: number; tag: string };

/** A warm-up and a measured run; `acknowledged` counts the 201s of both (every one must be stored). */
async function measure(label: string, tag: string, url: string, next: () => { method: string; path: string; headers: Record<string, string>; body: string | Buffer }): Promise<Run> {
  const warm = warmup > 0 ? await load({ label, url, connections, seconds: warmup, warmupSeconds: 0, next }) : null;
  const r = await load({ label, url, connections, seconds, warmupSeconds: 0, next });
  return { ...r, tag, acknowledged: (warm?.statusCodes['201'] ?? 0) + (r.statusCodes['201'] ?? 0) };
}

type Count = { tag: string; tips: number; references: number; histories: number; keys: number };

async function countRows(t: Target, tags: string[]): Promise<Count[]> {
  const database: Database = t.databaseUrl ? await openPostgres(t.databaseUrl, { poolSize: 1 }) : await openPglite({ dataDir: path.join(t.dataDir, 'pg') });
  try {
    const out: Count[] = [];
    for (const tag of tags) {
      const r = await database.db.execute<{ tips: number; references: number; histories: number; keys: number }>(sql`
        SELECT count(*)::int AS tips, count(DISTINCT t.reference)::int AS "references",
               (SELECT count(*)::int FROM tip_history h JOIN tips x ON x.id = h.tip_id WHERE x.description LIKE ${`[${tag}]%`}) AS histories,
               (SELECT count(*)::int FROM idempotency_keys WHERE key LIKE ${`${tag}-%`}) AS keys
        FROM tips t WHERE t.description LIKE ${`[${tag}]%`}`);
      out.push({ tag, ...r.rows[0] });
    }
    return out;
  } finally {
    await database.close();
  }
}

async function bench(kind: Target['kind'], photo: Buffer) {
  const uptimeBefore = loadavg();
  const { target, volunteers } = await prepare(kind);
  let n = 0;
  const fields = (tag: string, v: Volunteer) => ({
    category: 'fraud',
    description: `[${tag}] 有人冒充客服打电话要求转账退款，号码尾号${++n}，请核查。`,
    occurredAt: new Date(Date.now() - 3600_000).toISOString(),
    lat: 26.8936,
    lng: 112.5719,
    address: '雁峰区先锋路88号',
    districtId: v.districtId,
  });
  const pick = () => volunteers[n % volunteers.length];
  const json = (pathname: string, body: unknown, headers: Record<string, string> = {}) => ({
    method: 'POST',
    path: pathname,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const ceilingRun = (url: string, tag: string, label: string) =>
    measure(label, tag, url, () => {
      const v = pick();
      return json('/ceiling', fields(tag, v), { 'x-reporter': v.id });
    });

  const runs: Run[] = [];
  let server = await startCeiling(target);
  runs.push(await measure('bare Express route', 'bare', server.url, () => json('/bare', fields('bare', pick()))));
  runs.push(await ceilingRun(server.url, 'ceiling', 'ceiling: one prepared statement'));
  await stopServer(server);

  server = await startApp(target);
  if (!values['no-json'])
    runs.push(
      await measure('POST /api/tips JSON', 'json', server.url, () => {
        const v = pick();
        return json('/api/tips', fields('json', v), { authorization: v.token, 'idempotency-key': `json-${randomUUID()}` });
      }),
    );
  if (!values['no-multipart'])
    runs.push(
      await measure('POST /api/tips multipart, 1 photo', 'photo', server.url, () => {
        const v = pick();
        const f = fields('photo', v);
        const { body, contentType } = multipart({ ...f, lat: String(f.lat), lng: String(f.lng), districtId: String(f.districtId) }, photo);
        return { method: 'POST', path: '/api/tips', headers: { 'content-type': contentType, authorization: v.token, 'idempotency-key': `photo-${randomUUID()}` }, body };
      }),
    );
  await stopServer(server);
  const loopDelay = values['loop-delay'] ? (JSON.parse(readFileSync(path.join(target.dataDir, 'loop-delay.json'), 'utf8')) as Record<string, number>) : undefined;

  server = await startCeiling(target);
  runs.push(await ceilingRun(server.url, 'ceiling2', 'ceiling again (drift check)'));
  await stopServer(server);

  const counts = await countRows(target, runs.filter((r) => r.tag !== 'bare').map((r) => r.tag));
  rmSync(target.dataDir, { recursive: true, force: true });
  const ceilings = runs.filter((r) => r.tag.startsWith('ceiling'));
  const ceiling = { rps: ceilings.reduce((s, r) => s + r.rps, 0) / ceilings.length, p99: ceilings.reduce((s, r) => s + r.p99, 0) / ceilings.length };
  return { kind, uptimeBefore, uptimeAfter: loadavg(), runs, ceiling, counts, loopDelay };
}

async function main(): Promise<void> {
  const photo = await samplePhoto();
  const kinds: Target['kind'][] = values.db === 'both' ? ['postgres', 'pglite'] : [values.db as Target['kind']];
  const results = [];
  for (const kind of kinds) results.push(await bench(kind, photo));
  if (values.json) {
    process.stdout.write(JSON.stringify({ machine: machine(), connections, seconds, warmup, photoBytes: photo.length, results }, null, 2) + '\n');
    return;
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  process.stdout.write(`${machine().date}, ${connections} connections, ${warmup} s warm-up + ${seconds} s per run, photo ${Math.round(photo.length / 1024)} KB\n`);
  for (const r of results) {
    const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
    process.stdout.write(`\n### ${r.kind === 'postgres' ? 'PostgreSQL server (app pool 10, ceiling pool 10)' : 'PGlite (embedded)'} — load average ${fmt(r.uptimeBefore)} before, ${fmt(r.uptimeAfter)} after\n\n`);
    process.stdout.write(
      table(
        r.runs.map((x) => ({
          run: x.label,
          'req/s': x.rps,
          'p50 ms': x.p50,
          'p99 ms': x.p99,
          '% of ceiling req/s': x.tag === 'bare' ? '' : `${round((x.rps / r.ceiling.rps) * 100)} %`,
          'p99 / ceiling p99': x.tag === 'bare' ? '' : `${round(x.p99 / r.ceiling.p99)}×`,
          'non-2xx': x.non2xx,
          errors: x.errors,
        })),
      ) + '\n\n',
    );
    process.stdout.write(
      table(
        r.counts.map((c) => {
          const run = r.runs.find((x) => x.tag === c.tag)!;
          const keyed = c.tag === 'json' || c.tag === 'photo';
          // A run's clock stops with requests in flight (up to one per connection, warm-up and run):
          // the server commits them but autocannon never counts their answers.
          const inFlight = c.tips - run.acknowledged;
          const exact = inFlight >= 0 && inFlight <= 2 * connections && c.references === c.tips && c.histories === c.tips && (!keyed || c.keys === c.tips);
          return { run: run.label, 'acknowledged (201)': run.acknowledged, 'tips in the database': c.tips, 'in flight at the cut-off': inFlight, 'distinct references': c.references, 'history rows': c.histories, 'idempotency records': keyed ? c.keys : '', 'each once, none lost': exact ? 'yes' : 'NO' };
        }),
      ) + '\n',
    );
    if (r.loopDelay) process.stdout.write(`\nThe app's event-loop delay (first request to exit, 10 ms resolution): ${JSON.stringify(r.loopDelay)}\n`);
    for (const x of r.runs) if (x.non2xx || x.errors) process.stdout.write(`  ${x.label}: status codes ${JSON.stringify(x.statusCodes)}, errors ${x.errors}\n`);
  }
}

await main();
