/**
 * Applies pending migrations and exits: `npm run migrate` (the server also migrates at start;
 * this is for deploy pipelines that migrate before rolling out new instances).
 */
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { createLogger } from '../lib/logger';

const config = loadConfig();
const log = createLogger(config.logLevel, process.stderr);
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2, log });
await database.migrate();
await database.close();
process.stdout.write(JSON.stringify({ database: database.kind, migrated: true }) + '\n');
