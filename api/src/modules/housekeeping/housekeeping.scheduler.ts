import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { runHousekeeping } from './housekeeping.service';

export const HOUSEKEEPING_QUEUE = 'housekeeping';
/** Every hour at :17 (off the hour, when other cron jobs crowd the database). */
export const HOUSEKEEPING_CRON = '17 * * * *';
const HOUR_MS = 3600_000;

export type Housekeeper = { stop(): Promise<void> };

/**
 * Schedules housekeeping inside the app.
 * - On a PostgreSQL server, through pg-boss (its own `pgboss` schema in the same database): the
 *   schedule is stored once, every instance runs a worker, and pg-boss hands each hourly job to
 *   exactly one of them — so several app instances purge once, not once each.
 * - On embedded PGlite (one process by construction; pg-boss needs a pg connection it cannot
 *   have there), the same function on an in-process hourly timer, first run a minute after start.
 */
export async function startHousekeeping(opts: {
  databaseUrl: string | undefined;
  retentionDays: number;
  log: Logger;
}): Promise<Housekeeper> {
  const run = async () => {
    await runHousekeeping({ retentionDays: opts.retentionDays, log: opts.log });
  };
  if (!opts.databaseUrl) {
    const tick = () =>
      run().catch((err: unknown) => opts.log.error({ err: { message: (err as Error).message } }, 'housekeeping failed'));
    const first = setTimeout(tick, 60_000);
    const every = setInterval(tick, HOUR_MS);
    first.unref();
    every.unref();
    return {
      async stop() {
        clearTimeout(first);
        clearInterval(every);
      },
    };
  }
  const boss = new PgBoss({ connectionString: opts.databaseUrl, schema: 'pgboss', max: 2 });
  // pg-boss reports its own trouble (a lost connection) here; it retries by itself.
  boss.on('error', (err: Error) => opts.log.warn({ err: { message: err.message } }, 'housekeeping scheduler error'));
  await boss.start();
  await boss.createQueue(HOUSEKEEPING_QUEUE);
  await boss.schedule(HOUSEKEEPING_QUEUE, HOUSEKEEPING_CRON, {}, { tz: 'Asia/Shanghai' });
  await boss.work(HOUSEKEEPING_QUEUE, async () => {
    await run();
  });
  return {
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
