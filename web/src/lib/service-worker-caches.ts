/**
 * Cache Storage names that may hold API responses start with this prefix. The service worker (the
 * PWA, a later issue) must put any cached /api response only in such a cache, so that signing out
 * can drop them: a shared device keeps nothing of one user for the next.
 */
export const API_CACHE_PREFIX = 'hy-api';

export async function deleteApiCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(API_CACHE_PREFIX)).map((name) => caches.delete(name)));
}
