import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPglite } from '../../src/db/client';
import { seedReference } from '../../src/db/seed';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

let template: Promise<string> | undefined;

/**
 * A PGlite data directory as the app leaves it after its first start (migrated, reference data
 * loaded), made once per test run. A process started on a copy of it starts as the app restarts
 * on a machine that has run before: the fresh-start path (initdb, every migration, the geography)
 * is what the test harness itself goes through, and costs 10–30 s per process on two cores.
 */
export function migratedPgliteDir(): Promise<string> {
  template ??= (async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hy-pglite-template-'));
    const database = await openPglite({ dataDir: dir });
    await database.migrate();
    await seedReference(database.db);
    await database.close();
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  })();
  return template;
}

/** Fills `dataDir/pg` (where the app keeps its embedded database) with a copy of the template. */
export async function withMigratedPglite(dataDir: string): Promise<void> {
  cpSync(await migratedPgliteDir(), path.join(dataDir, 'pg'), { recursive: true });
}

export type AppProcess = {
  child: ChildProcess;
  port: number;
  url: string;
  dataDir: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL if still running, then the temp DATA_DIR removed. */
  stop: () => Promise<void>;
};

/**
 * The real server process (`src/main.ts` through tsx, as `npm run dev` runs it): its own DATA_DIR,
 * a free port, production settings, rate limits off. Resolves once it logs "listening".
 * `preload` modules are imported before the app (test-only fault triggers).
 */
export async function startAppProcess(opts: { env?: NodeJS.ProcessEnv; preload?: string[] } = {}): Promise<AppProcess> {
  const apiDir = path.resolve(import.meta.dirname, '../..');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hy-proc-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'info',
    RATE_LIMITS: 'off',
    AUTH_RATE_LIMIT: '1000000',
    TRACK_RATE_LIMIT: '1000000',
    ...opts.env,
  };
  if (!env.DATABASE_URL) await withMigratedPglite(dataDir);
  const imports = ['tsx', ...(opts.preload ?? [])].flatMap((m) => ['--import', m]);
  const child = spawn(process.execPath, [...imports, 'src/main.ts'], { cwd: apiDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c));
  child.stderr!.on('data', (c: Buffer) => (output += c));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 150_000;
  while (!/"msg":"listening"/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, port, url: `http://127.0.0.1:${port}`, dataDir, output: () => output, exited, stop };
}
