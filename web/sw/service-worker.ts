/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { OUTBOX_FLUSH_MESSAGE, OUTBOX_SYNC_TAG } from '../src/lib/outbox-signals';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

/**
 * The app shell: index.html, the hashed JS and CSS, icons and the manifest (the list is written
 * into this file at build time). Of the API, only the public reference lists the report form
 * needs are kept (below); every other API request goes to the network as if there were no
 * worker — signed-in data, tips and an anonymous tipster's tracking never land in Cache Storage.
 */
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// The first install takes the open page at once, so a tip written before the first reload is covered.
// Later versions wait until every tab of the old one is closed: a page never loses its lazy chunks mid-use.
clientsClaim();

// Any app route opened offline gets the cached shell; the server's own paths never do.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api(\/|$)/, /^\/open311(\/|$)/, /^\/(healthz|readyz)$/, /\/[^/]+\.[^/]+$/],
  }),
);

/**
 * Public reference data — categories, districts, their townships and communities, the map's tile
 * settings: the same answer for everyone, asked without credentials. Kept so the report form
 * opens complete on a phone that starts offline (the tip then waits in the outbox). The network
 * comes first (a slow one is given 4 s), the last good answer after that.
 */
const PUBLIC_REFERENCE = /^\/api\/(categories|districts|districts\/\d+\/(townships|communities)|communities|map\/config)$/;

registerRoute(
  ({ url, request }) =>
    request.method === 'GET' && url.origin === self.location.origin && PUBLIC_REFERENCE.test(url.pathname) && !request.headers.has('authorization'),
  new NetworkFirst({
    cacheName: 'hy-reference',
    networkTimeoutSeconds: 4,
    plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 3600 })],
  }),
);

// Background Sync: the browser wakes the worker when the connection is back. The tokens of a signed-in
// volunteer live in the page (not here), so the worker asks the open pages to send their outbox;
// with none open, the outbox goes out the next time the app opens.
self.addEventListener('sync', (event) => {
  const sync = event as ExtendableEvent & { tag: string };
  if (sync.tag !== OUTBOX_SYNC_TAG) return;
  sync.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((clients) => {
      for (const client of clients) client.postMessage({ type: OUTBOX_FLUSH_MESSAGE });
    }),
  );
});
