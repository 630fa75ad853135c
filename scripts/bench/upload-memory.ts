/**
 * Memory of photo uploads: the server's resident memory while anonymous tips with ~10 MB photos
 * arrive. The app runs out of process, as `npm start` runs it (`node api/dist/main.js`, embedded
 * PGlite in a temp DATA_DIR, RATE_LIMITS=off, a random port), so the client's own buffers never
 * count. RSS is read from /proc/PID/status: VmRSS sampled every 10 ms, and VmHWM (the kernel's
 * peak) reset through /proc/PID/clear_refs before each scenario when allowed.
 *
 *   npm run build -w api && npx tsx scripts/bench/upload-memory.ts [--rounds 3] [--only 1|10] [--json]
 *
 * Each scenario runs on a fresh process, after one warm-up tip. Scenarios: one anonymous tip with one ~10 MB photo; 10 concurrent anonymous tips with six
 * ~10 MB photos each. Growth = peak during the scenario − RSS just before it (after a warm-up tip).
 * Targets (issue 11): ≤ 40 MB and ≤ 150 MB.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { APP_NODE_FLAGS } from './support';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, only: { type: 'string' }, json: { type: 'boolean', default: false } } });
const rounds = Number(values.rounds);
const root = path.resolve(import.meta.dirname, '../..');
const mainJs = path.join(root, 'api/dist/main.js');
if (!existsSync(mainJs)) {
  process.stderr.write('api/dist/main.js is missing: run `npm run build -w api` first\n');
  process.exit(2);
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** kB fields of /proc/PID/status, in MB. */
function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) / 1024;
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/** Resets VmHWM to the current RSS (Linux ≥ 4.0, the process's owner or root); false where refused. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** A ~10 MB camera-like JPEG: a gradient under strong noise (barely compressible), about 8.5 MP. */
async function photo(): Promise<Buffer> {
  const width = 3400;
  const height = 2500;
  const raw = randomBytes(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (raw[i] >> 1) + ((x * 127) / width);
      raw[i + 1] = (raw[i + 1] >> 1) + ((y * 127) / height);
    }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 100 }).toBuffer();
}

function form(photos: Buffer[]): { body: Buffer; contentType: string } {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const fields: Record<string, string> = {
    category: 'theft_robbery',
    description: '菜市场门口有人专门偷电动车电瓶，已经好几次了。',
    occurredAt: new Date(Date.now() - 3600_000).toISOString(),
    address: '雁峰区先锋路88号',
    districtId: '1',
  };
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  photos.forEach((data, i) => {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="IMG_${i}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`));
    chunks.push(data, Buffer.from('\r\n'));
  });
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function post(port: number, f: { body: Buffer; contentType: string }): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path: '/api/tips',
      method: 'POST',
      headers: { 'Content-Type': f.contentType, 'Content-Length': String(f.body.length) },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        if (res.statusCode !== 201) process.stderr.write(`${res.statusCode}: ${text.slice(0, 300)}\n`);
        resolve(res.statusCode ?? 0);
      });
    });
    req.on('error', (err) => {
      process.stderr.write(`request failed: ${err.message}\n`);
      resolve(0);
    });
    req.end(f.body);
  });
}

async function start(): Promise<{ child: ChildProcess; port: number; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hy-bench-mem-'));
  const port = await freePort();
  const child = spawn(process.execPath, [...APP_NODE_FLAGS, mainJs], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      RATE_LIMITS: 'off',
      AUTH_RATE_LIMIT: '1000000',
      TRACK_RATE_LIMIT: '1000000',
      // As `npm start` sets it (package.json): glibc's malloc arenas, one per libvips thread, are
      // most of the memory of a burst otherwise. Run with MALLOC_ARENA_MAX=16 (glibc's default:
      // 8 per core) to see the difference.
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('the app exited during start-up');
    const up = await new Promise<boolean>((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/readyz' }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      }).on('error', () => resolve(false));
    });
    if (up) return { child, port, dataDir };
    if (Date.now() > deadline) throw new Error('the app did not become ready');
    await new Promise((r) => setTimeout(r, 250));
  }
}

type Result = { scenario: string; round: number; statuses: string; seconds: number; before: number; peakSampled: number; peakHwm: number | null; growth: number };

async function measure(pid: number, scenario: string, round: number, run: () => Promise<number[]>): Promise<Result> {
  if (typeof global.gc === 'function') global.gc();
  await new Promise((r) => setTimeout(r, 500));
  const before = memory(pid).rss;
  const hwmReset = resetPeak(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, memory(pid).rss)), 10);
  const started = Date.now();
  const statuses = await run();
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, memory(pid).rss);
  const hwm = hwmReset ? memory(pid).hwm : null;
  const top = Math.max(peak, hwm ?? 0);
  const counts = new Map<number, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return {
    scenario,
    round,
    statuses: [...counts].map(([s, n]) => `${n}×${s}`).join(' '),
    seconds: Math.round(seconds * 10) / 10,
    before: Math.round(before),
    peakSampled: Math.round(peak),
    peakHwm: hwm === null ? null : Math.round(hwm),
    growth: Math.round(top - before),
  };
}

const photos = await Promise.all(Array.from({ length: 6 }, () => photo()));
const sizes = photos.map((p) => (p.length / 1048576).toFixed(1));
const scenarios: { name: string; run: (port: number) => Promise<number[]> }[] = [
  { name: '1 tip × 1 photo', run: async (port) => [await post(port, form([photos[0]]))] },
  {
    name: '10 concurrent tips × 6 photos',
    run: (port) => {
      const forms = Array.from({ length: 10 }, () => form(photos));
      return Promise.all(forms.map((f) => post(port, f)));
    },
  },
];
const results: Result[] = [];
const chosen = scenarios.filter((s) => !values.only || s.name.startsWith(values.only));
// A fresh process per scenario and round: memory a process keeps from an earlier burst (allocator
// arenas, caches) would hide the growth of the next one.
for (let round = 1; round <= rounds; round++)
  for (const scenario of chosen) {
    const { child, port, dataDir } = await start();
    try {
      // Warm-up: the first image loads libvips' codecs; the first tip warms the database caches.
      await post(port, form([photos[1]]));
      results.push(await measure(child.pid!, scenario.name, round, () => scenario.run(port)));
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

if (values.json) process.stdout.write(JSON.stringify({ photoMB: sizes, results }, null, 2) + '\n');
else {
  process.stdout.write(`Photos: ${sizes.join(', ')} MB (JPEG, 3400×2500)\n\n`);
  process.stdout.write('| scenario | round | answers | time (s) | RSS before (MB) | peak sampled (MB) | VmHWM (MB) | growth (MB) |\n|---|---|---|---|---|---|---|---|\n');
  for (const r of results)
    process.stdout.write(`| ${r.scenario} | ${r.round} | ${r.statuses} | ${r.seconds} | ${r.before} | ${r.peakSampled} | ${r.peakHwm ?? 'n/a'} | ${r.growth} |\n`);
}
