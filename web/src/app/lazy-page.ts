import type { ComponentType } from 'react';
import { loadNamespaces, type Namespace } from '../lib/i18n';
import { yieldToBrowser } from '../lib/yield-to-browser';

/**
 * A page module: its component, and optionally `prefetch`, which starts the requests its first
 * render makes (React Query's `prefetchQuery` with the same query options as its hooks).
 */
type PageModule = { default: ComponentType; prefetch?: () => Promise<unknown> };

/** While the first page of a visit loads, the static shell of index.html is on screen (see main.tsx). */
let isFirstPage = true;
export function firstPageShown(): void {
  isFirstPage = false;
}

/** On the first page, how long its data may hold the static shell before the page shows its own loading state. */
const FIRST_PAGE_DATA_WAIT_MS = 1500;

/**
 * Route-level code splitting: `{ path: 'report', lazy: lazyPage(() => import('./report-tip-page'), ['tips']) }`.
 * The page module default-exports its component; the strings it needs (active language only) are
 * fetched at the same time as its chunk, not after it. Its data requests leave as soon as its code
 * is in, not after its first render; on the first page of a visit the render waits for them (a
 * little), so the page appears once with its data instead of rendering again, all at once, when
 * each answer arrives.
 */
export function lazyPage(load: () => Promise<PageModule>, namespaces: readonly Namespace[] = []) {
  return async () => {
    // Its own task: starting the chunk adds a preload link per module it imports (a dozen on some
    // pages), work that would otherwise lengthen the router's start on the first page.
    await yieldToBrowser();
    const [page] = await Promise.all([load(), loadNamespaces(namespaces)]);
    const data = page.prefetch?.();
    // Offline the requests wait for the connection (React Query pauses them): nothing to wait for.
    if (data && isFirstPage && navigator.onLine !== false) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([data, new Promise((resolve) => (timer = setTimeout(resolve, FIRST_PAGE_DATA_WAIT_MS)))]);
      clearTimeout(timer);
    }
    return { Component: page.default };
  };
}
