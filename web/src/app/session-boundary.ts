import { forgetDraftsOf } from '../features/tips/draft/forget-drafts';
import { queryClient } from '../lib/query-client';
import { forgetRenewals } from '../lib/renewal-handoff';
import { onUserChange } from '../lib/session';
import { deleteApiCaches } from '../lib/service-worker-caches';

/**
 * A police desk and a village phone are shared: when the signed-in user changes (sign-out, expiry,
 * someone else signing in on the same page, or any of these in another tab), nothing of the
 * previous user survives. Runs synchronously before anything re-renders:
 * - every query is cancelled, then the whole cache cleared (no list of keys to forget to update);
 *   a response still on the wire is refused by the API client (lib/api-client.ts, session epoch);
 * - their tip draft and its photos are removed (an anonymous draft stays), and so are the tips they
 *   left in the offline outbox, sent or not (one queued signed out stays: it is anonymous);
 * - the service worker's API caches are dropped, and so is the last renewal's hand-over record;
 * - the route tree remounts under the new user (RootShell), so no form or page state carries over.
 */
export function installSessionBoundary(): void {
  onUserChange(({ previousUserId }) => {
    void queryClient.cancelQueries();
    queryClient.clear();
    if (previousUserId !== null) {
      void forgetDraftsOf(previousUserId).catch(() => undefined);
      // Its own lazy chunk (precached by the service worker, so it loads offline too): not on the home page.
      void import('../features/tips/outbox/outbox-db').then((m) => m.forgetOutboxOf(previousUserId)).catch(() => undefined);
    }
    void deleteApiCaches().catch(() => undefined);
    forgetRenewals();
  });
}
