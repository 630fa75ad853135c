import { OUTBOX_PENDING_FLAG as PENDING_FLAG } from '../../../lib/outbox-signals';
import { local } from '../../../lib/safe-storage';
import type { CreateTipResult } from '../api/create-tip';
import { idbStore } from '../../../lib/idb-store';

/**
 * The offline outbox: tips submitted without a connection, kept in IndexedDB with their photos
 * and their Idempotency-Key until the server has them. The key is the record's id: every attempt
 * to send the tip, from any tab, after any reload, presents the same key, so the server creates
 * the tip once and replays its first answer to every retry (docs/api.md "Idempotency").
 */
export type OutboxFields = {
  category: string;
  description: string;
  /** ISO 8601 */
  occurredAt: string;
  lat: number | null;
  lng: number | null;
  address: string;
  districtId: number;
};

export type OutboxPhoto = { name: string; type: string; blob: Blob };

/** waiting: not yet acknowledged by the server; sent: the server's answer, shown until dismissed; refused: a 4xx the tipster must see. */
export type OutboxStatus = 'waiting' | 'sent' | 'refused';

export type OutboxTip = {
  /** The Idempotency-Key (a random UUID: ≥ 32 characters, as anonymous submissions require). */
  id: string;
  /** Who was signed in when it was queued (null: signed out, so anonymous). Only they may send or see it. */
  ownerId: string | null;
  isAnonymous: boolean;
  fields: OutboxFields;
  photos: OutboxPhoto[];
  /** Anonymous only: the solved proof-of-work, if one was at hand; a fresh one is solved when it expired. */
  antiSpamProof: string | null;
  queuedAt: number;
  status: OutboxStatus;
  /** The server's answer once sent (for an anonymous tip: the reference and the one-time access code). */
  result: CreateTipResult | null;
  /** The error code of a refusal (status refused). */
  errorCode: string | null;
};

const DB_NAME = 'hy-outbox';
const STORE = 'tips';
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('hy-outbox');
const listeners = new Set<() => void>();

const withStore = idbStore(DB_NAME, STORE);

function changed(): void {
  channel?.postMessage('changed');
  for (const listener of listeners) listener();
}

channel?.addEventListener('message', () => {
  for (const listener of listeners) listener();
});

/** Told when the outbox changes, in this tab or another. */
export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function listOutbox(): Promise<OutboxTip[]> {
  const all = (await withStore<OutboxTip[]>('readonly', (store) => store.getAll() as IDBRequest<OutboxTip[]>)) ?? [];
  return all.sort((a, b) => a.queuedAt - b.queuedAt);
}

/** The tips the signed-in user (or, signed out, the device's anonymous tipster) may see and send. */
export function visibleTo(userId: string | null): (tip: OutboxTip) => boolean {
  return (tip) => tip.ownerId === null || tip.ownerId === userId;
}

export async function putOutboxTip(tip: OutboxTip): Promise<void> {
  await withStore('readwrite', (store) => store.put(tip));
  if (tip.status === 'waiting') local.set(PENDING_FLAG, '1');
  changed();
}

export async function updateOutboxTip(id: string, patch: Partial<Omit<OutboxTip, 'id'>>): Promise<void> {
  await withStore('readwrite', (store) => {
    const request = store.get(id) as IDBRequest<OutboxTip | undefined>;
    request.onsuccess = () => {
      if (request.result) store.put({ ...request.result, ...patch });
    };
  });
  changed();
}

export async function deleteOutboxTip(id: string): Promise<void> {
  await withStore('readwrite', (store) => store.delete(id));
  changed();
}

/** Keeps the page-load flag honest once a round of sending is over. */
export async function refreshPendingFlag(): Promise<void> {
  const isWaiting = (await listOutbox()).some((tip) => tip.status === 'waiting');
  if (isWaiting) local.set(PENDING_FLAG, '1');
  else local.remove(PENDING_FLAG);
}

/** Sign-out, expiry or another user: nothing this user queued stays on a shared phone, sent or not. */
export async function forgetOutboxOf(userId: string): Promise<void> {
  const theirs = (await listOutbox()).filter((tip) => tip.ownerId === userId);
  if (theirs.length === 0) return;
  await withStore('readwrite', (store) => {
    for (const tip of theirs) store.delete(tip.id);
  });
  await refreshPendingFlag();
  changed();
}
