import type { Logger } from 'pino';
import { clock } from '../../lib/clock';
import { purgeDeadSessions } from '../auth/session-purge';
import { purgeIdempotencyKeys } from '../idempotency/idempotency.service';
import { purgeStaleIncoming } from '../media/storage';
import { purgeExpired, type PurgeResult } from '../retention/retention.service';
import { keepTipReferenceSequences } from '../tips/reference';

export type HousekeepingResult = {
  idempotencyKeys: number;
  refreshTokens: number;
  staleUploads: number;
  retention: PurgeResult;
  tipReferenceSequencesDropped: number;
};

/**
 * One pass of housekeeping, each step the owning module's own function, all at the clock's
 * "now": idempotency keys older than a day, dead refresh-token chains, temp uploads a killed
 * process left, the retention purge, and the tip reference sequences (the next day's created
 * ahead, old days' dropped). Every step is safe to run twice or on two instances at once (plain
 * deletes; retention shares its work with SKIP LOCKED; sequences are created under a lock).
 */
export async function runHousekeeping(opts: { retentionDays: number; log?: Logger }): Promise<HousekeepingResult> {
  const now = clock.now();
  const result: HousekeepingResult = {
    idempotencyKeys: await purgeIdempotencyKeys(now),
    refreshTokens: await purgeDeadSessions(now),
    staleUploads: await purgeStaleIncoming(now),
    retention: await purgeExpired({ retentionDays: opts.retentionDays, now, log: opts.log }),
    tipReferenceSequencesDropped: (await keepTipReferenceSequences(now)).dropped,
  };
  opts.log?.info({ housekeeping: result }, 'housekeeping done');
  return result;
}
