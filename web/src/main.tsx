import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { firstPageShown } from './app/lazy-page';
import { installOutboxSync } from './app/outbox-sync';
import { createAppRouter, type AppRouter } from './app/router';
import { registerServiceWorker } from './app/service-worker';
import { installSessionBoundary } from './app/session-boundary';
import { i18nReady } from './lib/i18n';
import { queryClient } from './lib/query-client';
import { getSessionState } from './lib/session';
import { yieldToBrowser } from './lib/yield-to-browser';
import { meQuery } from './shared/api/get-me';
import './styles/global.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain #root');

installSessionBoundary();

/** The router has loaded the first page's lazy chunk (and its strings): it can render the page itself. */
function routerReady(router: AppRouter): Promise<void> {
  return new Promise<void>((resolve) => {
    if (router.state.initialized) return resolve();
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      resolve();
    });
  });
}

/**
 * The start, in steps of their own tasks: evaluating the entry's modules (React, the router, React
 * Query, i18next) is one task already; asking for the user and creating the router (matching the
 * URL, starting the first page's chunk) are two more, so none blocks input for long on a slow
 * phone. The static shell of index.html stays on screen until the active language's strings and
 * the page's code are in, so the first render is the page, not a loading state replaced a moment
 * later. As a transition, that render yields to the browser every few milliseconds instead of
 * holding the main thread for its whole length.
 */
async function start(root: HTMLElement): Promise<void> {
  await yieldToBrowser();
  // Every signed-in page (its layout, its desk guard) reads the user: ask for it now, next to the
  // page's chunk, not after the first render.
  if (getSessionState().isSignedIn) void queryClient.prefetchQuery(meQuery());
  await yieldToBrowser();
  const router = createAppRouter();
  await Promise.allSettled([i18nReady, routerReady(router)]);
  firstPageShown();
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App router={router} />
      </StrictMode>,
    );
  });
}

void start(container);
registerServiceWorker();
installOutboxSync();
