import { idbStore } from './idb-store';
import type { Tokens } from './session';

/**
 * The last renewal of the session, handed to the next tab that takes the renewal lock.
 *
 * Two tabs whose access tokens expire together take turns under a Web Lock (api-client.ts); the
 * second must then use the pair the first obtained, never present the refresh token the first
 * just spent (the server would take it for theft and end the session for both). localStorage
 * cannot carry that hand-over: each tab reads its own copy, updated by a message from the browser
 * that may arrive after the lock has passed (the two-tab spec failed that way under load).
 * IndexedDB can: a transaction the first tab committed before letting go of the lock is seen by
 * every transaction the second starts after taking it.
 *
 * The record names the refresh token that was spent (dead from then on) and the pair that
 * replaced it; sign-out deletes it with the session.
 */
type Renewal = { id: 'last'; spent: string; tokens: Tokens };

const withStore = idbStore('hy-session', 'renewals');

/** Records, before the lock is released, that `spent` was exchanged for `tokens`. Never throws: without IndexedDB the hand-over is localStorage's. */
export async function recordRenewal(spent: string, tokens: Tokens): Promise<void> {
  await withStore('readwrite', (store) => store.put({ id: 'last', spent, tokens } satisfies Renewal)).catch(() => undefined);
}

/** The pair that replaced `refreshToken`, if another tab already spent it. */
export async function renewalOf(refreshToken: string): Promise<Tokens | null> {
  const last = (await withStore<Renewal | undefined>('readonly', (store) => store.get('last') as IDBRequest<Renewal | undefined>).catch(() => undefined)) ?? null;
  return last?.spent === refreshToken ? last.tokens : null;
}

/** Sign-out: the live pair must not stay behind on a shared device. */
export function forgetRenewals(): void {
  void withStore('readwrite', (store) => store.delete('last')).catch(() => undefined);
}
