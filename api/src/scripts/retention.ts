/**
 * Retention: purges photos and messages of closed tips older than RETENTION_DAYS (default 365).
 * `npm run retention [-- --days N]`; run it daily (cron, a Kubernetes CronJob…). Prints a JSON
 * summary; exits non-zero when it could not finish.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase, setDb } from '../db/client';
import { createLogger } from '../lib/logger';
import { setUploadDir } from '../modules/media/storage';
import { purgeExpired } from '../modules/retention/retention.service';

const { values } = parseArgs({ options: { days: { type: 'string' } } });
const config = loadConfig();
const log = createLogger(config.logLevel, process.stderr);
const retentionDays = values.days === undefined ? config.retentionDays : Number(values.days);
if (!Number.isInteger(retentionDays) || retentionDays < 1) {
  process.stderr.write('--days must be a whole number of days, at least 1\n');
  process.exit(2);
}

const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2, log });
try {
  await database.migrate();
  setDb(database.db);
  setUploadDir(config.uploadDir);
  const result = await purgeExpired({ retentionDays, log });
  process.stdout.write(JSON.stringify({ retentionDays, purged: result }) + '\n');
  if (result.filesFailed > 0) process.exitCode = 1;
} catch (err) {
  log.error({ err: { message: (err as Error).message } }, 'retention failed');
  process.exitCode = 1;
} finally {
  await database.close();
}
