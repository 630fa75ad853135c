import { OUTBOX_FLUSH_MESSAGE, OUTBOX_PENDING_FLAG } from '../lib/outbox-signals';
import { local } from '../lib/safe-storage';

/**
 * When the outbox is sent: on opening the app (if something waits), when the browser says it is
 * back `online`, and when the service worker relays a Background Sync. The sender is its own lazy
 * chunk, loaded only then: the home page carries none of it.
 */
export function installOutboxSync(): void {
  const flush = () => {
    void import('../features/tips/outbox/send-outbox').then((m) => m.flushOutbox()).catch(() => undefined);
  };
  if (local.get(OUTBOX_PENDING_FLAG) === '1') flush();
  window.addEventListener('online', flush);
  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent<unknown>) => {
    if ((event.data as { type?: unknown } | null)?.type === OUTBOX_FLUSH_MESSAGE) flush();
  });
}
