import { and, asc, count, desc, eq, inArray, isNull, min } from 'drizzle-orm';
import { db, type DbOrTx } from '../../db/client';
import { messages, tips } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { audit } from '../audit/audit.service';
import { recordTipHistory } from '../tips/tip-history';
import { tipsVisibleTo } from '../tips/tips.policy';
import { getTip } from '../tips/tips.service';
import { otherSide, sideOf, type ThreadSide } from './messages.policy';
import { presentMessage } from './messages.presenter';
import type { PostMessage } from '@hy/schemas/messages';

type TipRow = typeof tips.$inferSelect;

/** A thread longer than this is shown from its newest messages (no tip needs more). */
const THREAD_LIMIT = 500;

/**
 * The thread of a tip as `reader` sees it. Opening it marks the other side's messages read;
 * `unread` says how many were new at this opening.
 */
export async function readThread(tip: TipRow, reader: ThreadSide) {
  return db.transaction(async (tx) => {
    const marked = await tx
      .update(messages)
      .set({ readAt: new Date() })
      .where(and(eq(messages.tipId, tip.id), eq(messages.side, otherSide(reader)), isNull(messages.readAt)))
      .returning({ id: messages.id });
    const rows = await tx
      .select()
      .from(messages)
      .where(eq(messages.tipId, tip.id))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(THREAD_LIMIT);
    return { messages: rows.reverse().map((m) => presentMessage(m, reader)), unread: marked.length };
  });
}

/**
 * Adds a message to a tip's thread. Police messages are audited; a reporter's answer to a tip
 * waiting for more information is noted in the tip's history so the triaging officer sees it.
 */
export async function writeMessage(opts: { tip: TipRow; side: ThreadSide; author: Actor | null; body: string }) {
  const { tip, side, author, body } = opts;
  if (tip.purgedAt) throw new AppError('ARCHIVED', 'This tip is archived; its conversation is closed');
  return db.transaction(async (tx) => {
    const [message] = await tx
      .insert(messages)
      .values({ tipId: tip.id, side, policeAuthorId: side === 'police' ? (author?.id ?? null) : null, body })
      .returning();
    if (side === 'police') {
      await audit(tx, {
        actor: author,
        action: 'message.sent',
        entityType: 'tip',
        entityId: tip.id,
        details: { messageId: message.id, chars: body.length },
      });
    } else if (tip.status === 'needs_info') {
      await recordTipHistory(tx, {
        tipId: tip.id,
        kind: 'note',
        note: null,
        isVisibleToReporter: true,
        actorRole: 'reporter',
        details: { event: 'reporter_replied', messageId: message.id },
      });
    }
    return presentMessage(message, side);
  });
}

export async function getThread(actor: Actor, tipId: string) {
  const tip = await getTip(actor, tipId);
  return readThread(tip, sideOf(actor, tip));
}

export async function postMessage(actor: Actor, tipId: string, input: PostMessage) {
  const tip = await getTip(actor, tipId);
  return writeMessage({ tip, side: sideOf(actor, tip), author: actor, body: input.body });
}

/** Unread messages per tip for one side, for lists (My tips, the police queue). */
export async function unreadCounts(tx: DbOrTx, tipIds: string[], reader: ThreadSide): Promise<Map<string, number>> {
  if (tipIds.length === 0) return new Map();
  const rows = await tx
    .select({ tipId: messages.tipId, n: count() })
    .from(messages)
    .where(and(inArray(messages.tipId, tipIds), eq(messages.side, otherSide(reader)), isNull(messages.readAt)))
    .groupBy(messages.tipId);
  return new Map(rows.map((r) => [r.tipId, Number(r.n)]));
}

/** The tips in the actor's scope with messages they have not read yet, oldest waiting first. */
export async function unreadSummary(actor: Actor) {
  const reader: ThreadSide = actor.role === 'volunteer' ? 'reporter' : 'police';
  const rows = await db
    .select({ tipId: tips.id, reference: tips.reference, unread: count() })
    .from(messages)
    .innerJoin(tips, eq(tips.id, messages.tipId))
    .where(and(tipsVisibleTo(actor), eq(messages.side, otherSide(reader)), isNull(messages.readAt)))
    .groupBy(tips.id, tips.reference)
    .orderBy(asc(min(messages.createdAt)))
    .limit(100);
  const list = rows.map((r) => ({ tipId: r.tipId, reference: r.reference, unread: Number(r.unread) }));
  return { total: list.reduce((sum, r) => sum + r.unread, 0), tips: list };
}

/** Retention: drops the threads of purged tips. */
export async function deleteThreads(tx: DbOrTx, tipIds: string[]): Promise<number> {
  if (tipIds.length === 0) return 0;
  const rows = await tx.delete(messages).where(inArray(messages.tipId, tipIds)).returning({ id: messages.id });
  return rows.length;
}
