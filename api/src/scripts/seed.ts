/**
 * Migrates the database and seeds reference data (districts, communities, police units) and, when
 * SEED_DEMO is on (the embedded default), the contract's demo accounts and reward catalogue.
 * `npm run seed`; the server does the same at every start, so this is for preparing a database
 * before the first deploy. Idempotent.
 */
import { loadConfig } from '../config';
import { createLogger } from '../lib/logger';
import { startRuntime, stopRuntime } from '../runtime';

const config = loadConfig();
const log = createLogger(config.logLevel, process.stderr);
const database = await startRuntime(config, log);
await stopRuntime();
await database.close();
process.stdout.write(
  JSON.stringify({ database: database.kind, seeded: config.seedDemo ? 'reference data and demo accounts' : 'reference data' }) + '\n',
);
