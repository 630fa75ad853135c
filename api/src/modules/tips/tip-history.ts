import type { DbOrTx } from '../../db/client';
import { tipHistory, type tips } from '../../db/schema/index';

type TipStatus = (typeof tips.$inferSelect)['status'];

export type TipHistoryEntry = {
  tipId: string;
  kind: 'status' | 'note' | 'reveal' | 'link' | 'transfer' | 'verification';
  fromStatus?: TipStatus | null;
  toStatus?: TipStatus | null;
  note?: string | null;
  isVisibleToReporter: boolean;
  /** Police (or auxiliary) actor; null for the reporter's own actions and system events. */
  actorId?: string | null;
  /** 'reporter' for the tipster, a police role, or null for the system. */
  actorRole?: string | null;
  details?: Record<string, unknown>;
  /** Defaults to the database's now(); transitions pass the clock's time they wrote on the tip. */
  createdAt?: Date;
};

/**
 * Appends to a tip's history inside the caller's transaction. Other modules (messages, identity)
 * record their events through this, never by writing tip_history themselves.
 */
export async function recordTipHistory(tx: DbOrTx, e: TipHistoryEntry): Promise<void> {
  await tx.insert(tipHistory).values({
    tipId: e.tipId,
    kind: e.kind,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    note: e.note ?? null,
    isVisibleToReporter: e.isVisibleToReporter,
    actorId: e.actorId ?? null,
    actorRole: e.actorRole ?? null,
    details: e.details ?? null,
    ...(e.createdAt ? { createdAt: e.createdAt } : {}),
  });
}
