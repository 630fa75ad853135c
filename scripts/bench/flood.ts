/**
 * Anonymous flood from one client: how many anonymous tips one client gets accepted in 30 s.
 * The app runs out of process, as `npm start` runs it (the built api/dist/main.js, embedded
 * PGlite in a temp DATA_DIR, loopback only, a free port); this process is the attacker.
 *
 *   npx tsx scripts/bench/flood.ts                      # --seconds 30 --concurrency 8
 *
 * Three runs, each on a fresh server process:
 *   1. budgets off (RATE_LIMITS=off): what one client could do before the intake limits;
 *   2. limits on, the client sends no proof-of-work (a plain script);
 *   3. limits on, the client solves every challenge, as a determined attacker would.
 * Loops are bounded by the time and by --max-requests; nothing leaves 127.0.0.1.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { encodeProof, solve } from '../../api/test/support/altcha';
import type { Challenge } from 'altcha-lib';
import { freePort } from '../../api/test/support/listen';
import { APP_NODE_FLAGS, machine, table } from './support';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    concurrency: { type: 'string', default: '8' },
    'max-requests': { type: 'string', default: '100000' },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const maxRequests = Number(values['max-requests']);
const root = path.resolve(import.meta.dirname, '../..');

type Server = { url: string; child: ChildProcess; dataDir: string };

async function startServer(env: Record<string, string>): Promise<Server> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hy-flood-'));
  const port = await freePort();
  const child = spawn(process.execPath, [...APP_NODE_FLAGS, 'api/dist/main.js'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${stderr}`);
    if (Date.now() > deadline) throw new Error(`server did not start:\n${stderr}`);
    const ok = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ok) return { url, child, dataDir };
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
  rmSync(server.dataDir, { recursive: true, force: true });
}

const tipBody = () =>
  JSON.stringify({
    category: 'public_order',
    description: `洪水测试 ${randomUUID()}：夜市后面每晚有人聚集闹事。`,
    occurredAt: new Date(Date.now() - 3600_000).toISOString(),
    address: '雁峰区先锋路',
    districtId: 1,
  });

type Flood = { label: string; requests: number; accepted: number; limited: number; refused: number; other: number; solveMsTotal: number };

async function flood(label: string, url: string, withProof: boolean): Promise<Flood> {
  const result: Flood = { label, requests: 0, accepted: 0, limited: 0, refused: 0, other: 0, solveMsTotal: 0 };
  const end = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < end && result.requests < maxRequests) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() };
      if (withProof) {
        const started = Date.now();
        const challenge = (await (await fetch(`${url}/api/altcha/challenge?districtId=1`)).json()) as Challenge;
        headers['X-Altcha'] = encodeProof(challenge, await solve(challenge));
        result.solveMsTotal += Date.now() - started;
      }
      result.requests++;
      const res = await fetch(`${url}/api/tips`, { method: 'POST', headers, body: tipBody() });
      await res.arrayBuffer();
      if (res.status === 201) result.accepted++;
      else if (res.status === 429) result.limited++;
      else if (res.status === 400) result.refused++;
      else result.other++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
}

console.error('== building the API (as npm start does)');
execFileSync('npm', ['run', 'build', '-w', 'api'], { cwd: root, stdio: 'ignore' });

const runs: Flood[] = [];
for (const [label, env, withProof] of [
  ['budgets off (RATE_LIMITS=off), as before', { RATE_LIMITS: 'off' }, false],
  ['limits on, no proof-of-work', {}, false],
  ['limits on, every challenge solved', {}, true],
] as const) {
  console.error(`== ${label}`);
  const server = await startServer(env);
  try {
    runs.push(await flood(label, server.url, withProof));
  } finally {
    await stopServer(server);
  }
}

console.log(`\nAnonymous tips from one client in ${seconds} s, ${concurrency} at a time (${JSON.stringify(machine())}, load ${loadavg()[0].toFixed(1)})\n`);
console.log(
  table(
    runs.map((r) => ({
      run: r.label,
      requests: r.requests,
      'accepted (201)': r.accepted,
      'limited (429)': r.limited,
      '400 (no/used proof)': r.refused,
      other: r.other,
      // Wall time per solve while `concurrency` solves share this process's one thread.
      'mean solve ms': r.solveMsTotal ? Math.round(r.solveMsTotal / Math.max(1, r.requests)) : '',
    })),
  ),
);
