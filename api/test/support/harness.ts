import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type express from 'express';
import supertest from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import type { Database } from '../../src/db/client';
import { createLogger } from '../../src/lib/logger';
import { startRuntime } from '../../src/runtime';
import { openTestDatabase, truncateAll } from './db';
import { listen } from './listen';

export { listen };

type Harness = {
  database: Database;
  config: Config;
  app: express.Express;
  logLines: string[];
  dataDir: string;
  drop: () => Promise<void>;
};

let current: Harness | undefined;

/** Everything the log wrote during the run, one JSON line each (tests search it for leaks). */
const logLines: string[] = [];
const logSink = new Writable({
  write(chunk, _enc, done) {
    for (const line of String(chunk).split('\n')) if (line) logLines.push(line);
    done();
  },
});

export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = current?.dataDir ?? mkdtempSync(path.join(tmpdir(), 'hy-test-'));
  const base = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'info',
    // Budgets and the proof-of-work are off for the shared app (the one switch of the contract);
    // the tests of the limits turn them on in an app of their own: appWith({ rateLimits: true, … }).
    RATE_LIMITS: 'off',
    WEB_DIST: process.env.WEB_DIST ?? path.resolve(import.meta.dirname, '../../../web/dist'),
  });
  // Every JSON answer of every test is parsed with its documented schema (test/hooks.ts fails the test).
  return { ...base, checkResponses: true, ...overrides };
}

export async function startHarness(): Promise<Harness> {
  const config = testConfig();
  const log = createLogger('info', logSink);
  const { database, drop } = await openTestDatabase();
  await startRuntime(config, log, database);
  const app = createApp({ config, log, ping: () => database.ping() });
  current = { database, config, app, logLines, dataDir: config.dataDir, drop };
  return current;
}

export async function stopHarness(): Promise<void> {
  if (!current) return;
  await current.drop();
  rmSync(current.dataDir, { recursive: true, force: true });
  current = undefined;
}

export function harness(): Harness {
  if (!current) throw new Error('test harness not started (test/hooks.ts)');
  return current;
}

/** Supertest bound to the shared app. */
export const api = () => supertest(harness().app);

/** Another app on the same database with other settings (e.g. low rate limits). */
export function appWith(overrides: Partial<Config>): express.Express {
  const h = harness();
  return createApp({ config: { ...h.config, ...overrides }, log: createLogger('info', logSink), ping: () => h.database.ping() });
}

export const resetDb = () => truncateAll(harness().database);
export const db = () => harness().database.db;
