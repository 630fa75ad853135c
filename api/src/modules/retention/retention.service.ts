import { and, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { db } from '../../db/client';
import { cases, media, tips } from '../../db/schema/index';
import { audit } from '../audit/audit.service';
import { removeFile } from '../media/storage';
import { deleteThreads } from '../messages/messages.service';

export type PurgeResult = { tips: number; media: number; messages: number; filesFailed: number };

/** Tips handled per transaction: bounded locks and memory however large the backlog. */
const BATCH = 200;

/**
 * A tip is closed when it was decided (valid, invalid, duplicate) and is not part of a case still
 * being worked; it expires when the last of those events is older than the cutoff.
 */
function expiredTips(cutoff: Date) {
  const decidedBefore = and(
    inArray(tips.status, ['valid', 'invalid', 'duplicate']),
    lt(sql`coalesce(${tips.decidedAt}, ${tips.updatedAt})`, cutoff),
  );
  const caseClosedBefore = sql`exists (select 1 from ${cases} where ${cases.id} = ${tips.caseId}
    and ${cases.status} in ('solved', 'closed')
    and coalesce(${cases.closedAt}, ${cases.solvedAt}, ${cases.updatedAt}) < ${cutoff})`;
  return and(isNull(tips.purgedAt), decidedBefore, or(isNull(tips.caseId), caseClosedBefore));
}

/**
 * Purges closed tips older than `retentionDays`: their photos (files deleted, rows marked purged)
 * and their message threads. The tip row, its history and every count stay, so statistics are
 * unchanged. Files are deleted only after their rows commit; a file that cannot be deleted is
 * logged by key (no content) and counted.
 */
export async function purgeExpired(opts: { retentionDays: number; now?: Date; log?: Logger }): Promise<PurgeResult> {
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - opts.retentionDays * 86_400_000);
  const total: PurgeResult = { tips: 0, media: 0, messages: 0, filesFailed: 0 };
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      // SKIP LOCKED: two runs at once share the work instead of waiting on each other.
      const rows = await tx
        .select({ id: tips.id })
        .from(tips)
        .where(expiredTips(cutoff))
        .orderBy(tips.createdAt)
        .limit(BATCH)
        .for('update', { skipLocked: true });
      const ids = rows.map((r) => r.id);
      if (ids.length === 0) return null;
      const files = await tx
        .update(media)
        .set({ purgedAt: now })
        .where(and(inArray(media.tipId, ids), isNull(media.purgedAt)))
        .returning({ storageKey: media.storageKey });
      const messageCount = await deleteThreads(tx, ids);
      await tx.update(tips).set({ purgedAt: now }).where(inArray(tips.id, ids));
      await audit(tx, {
        actor: null,
        action: 'retention.purged',
        entityType: 'tip',
        details: { tips: ids.length, media: files.length, messages: messageCount, retentionDays: opts.retentionDays },
      });
      return { ids, keys: files.map((f) => f.storageKey), messageCount };
    });
    if (!batch) return total;
    for (const key of batch.keys) {
      try {
        await removeFile(key);
      } catch (err) {
        total.filesFailed += 1;
        opts.log?.warn({ storageKey: key, code: (err as NodeJS.ErrnoException).code }, 'retention: photo file not deleted');
      }
    }
    total.tips += batch.ids.length;
    total.media += batch.keys.length;
    total.messages += batch.messageCount;
  }
}

