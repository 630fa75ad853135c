import type { Server, ServerResponse } from 'node:http';
import { createApp } from './app';
import { loadConfig } from './config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './db/seed';
import { createLogger } from './lib/logger';
import { startRuntime, stopRuntime } from './runtime';

const config = loadConfig();
const log = createLogger(config.logLevel);

process.on('unhandledRejection', (reason) => log.error({ err: { message: String((reason as Error)?.message ?? reason) } }, 'unhandled rejection'));

const database = await startRuntime(config, log);
const app = createApp({ config, log, ping: () => database.ping() });
const server: Server = app.listen(config.port, config.host, () => {
  const where = `http://localhost:${config.port}`;
  log.info({ port: config.port, database: database.kind }, 'listening');
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
  const force = setTimeout(() => {
    log.warn('shutdown timeout: closing remaining connections');
    server.closeAllConnections();
  }, config.shutdownTimeoutMs);
  force.unref();
  await closed;
  await stopRuntime();
  await database.close();
  log.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
