import { OUTBOX_SYNC_TAG } from '../../../lib/outbox-signals';
import { putOutboxTip, type OutboxTip } from './outbox-db';

type SyncCapable = ServiceWorkerRegistration & { sync?: { register: (tag: string) => Promise<void> } };

/** Keeps a tip the network did not take, and asks for Background Sync where the browser has it. */
export async function queueTip(tip: Omit<OutboxTip, 'status' | 'result' | 'errorCode' | 'queuedAt'>): Promise<void> {
  await putOutboxTip({ ...tip, status: 'waiting', result: null, errorCode: null, queuedAt: Date.now() });
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready.then((registration) => (registration as SyncCapable).sync?.register(OUTBOX_SYNC_TAG)).catch(() => undefined);
}
