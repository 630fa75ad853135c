import type { Logger } from 'pino';
import type { Config } from './config';
import { openDatabase, setDb, type Database } from './db/client';
import { seedDemo, seedReference } from './db/seed';
import { closeRateLimitStore, configureRateLimitStore } from './http/rate-limit';
import { tokenEpochs } from './modules/auth/token-epochs';
import { boardCache } from './modules/leaderboards/board-cache';
import { setJwtSecret } from './modules/auth/tokens';
import { setUploadDir } from './modules/media/storage';
import { setClaimTtlMinutes } from './modules/triage/claims';
import { setVerifyDueHours } from './modules/verifications/requesting';
import { setPiiKeys } from './lib/pii';

/** Wires process-wide services from the config: secrets, storage, database (migrated and seeded). */
export async function startRuntime(config: Config, log: Logger, existing?: Database): Promise<Database> {
  setJwtSecret(config.jwtSecret);
  setPiiKeys(config.piiKeys);
  setUploadDir(config.uploadDir);
  setClaimTtlMinutes(config.claimTtlMinutes);
  setVerifyDueHours(config.verifyDueHours);
  configureRateLimitStore(config.redisUrl);
  void tokenEpochs.connect(config.redisUrl, log);
  boardCache.configure({ redisUrl: config.redisUrl, log });
  const database =
    existing ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.databasePoolSize,
      statementTimeoutMs: config.databaseStatementTimeoutMs,
      log,
    }));
  await database.migrate();
  setDb(database.db);
  await seedReference(database.db);
  if (config.seedDemo) await seedDemo(database.db);
  return database;
}

/** Closes what startRuntime opened besides the database (Redis connections), so a process can exit. */
export async function stopRuntime(): Promise<void> {
  await Promise.all([closeRateLimitStore(), tokenEpochs.close(), boardCache.close()]);
}
