import type { Server, ServerResponse } from 'node:http';
import { createApp } from './app';
import { loadConfig } from './config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './db/seed';
import { pino } from 'pino';
import { loggable } from './http/error-handler';
import { closeLogDestination, createLogger } from './lib/logger';
import { startHousekeeping } from './modules/housekeeping/housekeeping.scheduler';
import { startRuntime, stopRuntime } from './runtime';

const config = loadConfig();
// Asynchronous, buffered writes (issue 12): no request waits for stdout, and a busy server writes
// its lines 4 kB at a time; a quiet one within a second. Every exit below goes through
// exitAfterLog, which waits until the lines logged before it are written.
const logDestination = pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 1000 });
const log = createLogger(config.logLevel, logDestination);

async function exitAfterLog(code: number): Promise<never> {
  await closeLogDestination(logDestination);
  process.exit(code);
}

/**
 * One policy for a fault nothing caught, thrown or rejected alike (docs/operations.md, "Process
 * faults"): the process's state is unknown, so it logs the error and exits non-zero at once, and
 * the supervisor starts a clean one. Requests in flight are cut; committed work stays committed,
 * and clients retry with their Idempotency-Key. Errors inside a request never get here: the
 * error handler answers them.
 */
let isFaulted = false;
function exitOnFault(kind: 'uncaughtException' | 'unhandledRejection', err: unknown): void {
  // A second fault while the first one's line is being written: the process is leaving anyway.
  if (isFaulted) return;
  isFaulted = true;
  try {
    log.fatal({ kind, err: loggable(err) }, 'process fault: exiting for the supervisor to restart');
  } finally {
    void exitAfterLog(1);
  }
}
process.on('uncaughtException', (err) => exitOnFault('uncaughtException', err));
process.on('unhandledRejection', (reason) => exitOnFault('unhandledRejection', reason));

const database = await startRuntime(config, log);
const housekeeper = await startHousekeeping({ databaseUrl: config.databaseUrl, retentionDays: config.retentionDays, log });
const app = createApp({ config, log, ping: () => database.ping() });
const server: Server = app.listen(config.port, config.host, () => {
  const where = `http://localhost:${config.port}`;
  log.info({ port: config.port, database: database.kind }, 'listening');
  log.flush();
  if (config.seedDemo) {
    const lines = DEMO_ACCOUNTS.map((a) => `  ${a.phone}  ${a.role.padEnd(10)} ${a.displayName}`).join('\n');
    process.stdout.write(`\nHengyang Masses is running at ${where}\nDemo accounts (password ${DEMO_PASSWORD}):\n${lines}\n\n`);
  }
});
server.headersTimeout = 65_000;
server.requestTimeout = 120_000;

let stopping = false;
// A response finished during shutdown leaves its kept-alive socket idle: close it at once, or
// server.close() would wait for the client's keep-alive timeout.
server.on('request', (_req, res: ServerResponse) => {
  if (stopping) res.shouldKeepAlive = false;
  res.on('finish', () => {
    if (stopping) setImmediate(() => server.closeIdleConnections());
  });
});
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  // Stop listening first, so that by the time the log says so no new connection is accepted.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  log.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
  log.flush();
  const force = setTimeout(() => {
    log.warn('shutdown timeout: closing remaining connections');
    server.closeAllConnections();
  }, config.shutdownTimeoutMs);
  force.unref();
  await closed;
  await housekeeper.stop();
  await stopRuntime();
  await database.close();
  log.info('stopped');
  await exitAfterLog(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
