import type { BrowserContext, Page } from 'playwright-core';

type Leak = { marker: string; where: string };
type WatchState = { markers: string[]; leaks: Leak[]; check: (where: string) => void };
type WatchedWindow = {
  __hyLeakWatch: WatchState;
  __HY_EXPOSE_QUERY_CLIENT__?: boolean;
  __HY_QUERY_CLIENT__?: {
    getQueryCache(): { getAll(): { queryKey: unknown; state: { data: unknown } }[] };
    getMutationCache(): { getAll(): { state: { data: unknown; variables: unknown } }[] };
  };
};

// Plain JavaScript, not a function: the test runner's transpiler names functions with a helper the page lacks
// (functions passed to page.evaluate here therefore declare no named inner functions).
const WATCH_SCRIPT = `
  window.__HY_EXPOSE_QUERY_CLIENT__ = true;
  const state = { markers: [], leaks: [], isArmed: false };
  state.check = (where) => {
    if (state.markers.length === 0) return;
    // Armed from the moment the session is gone (the tokens leave storage): until then the page is still theirs.
    if (!state.isArmed && localStorage.getItem('hy.auth') !== null) return;
    state.isArmed = true;
    const text = document.title + '\\n' + (document.body ? document.body.textContent : '');
    for (const marker of state.markers) {
      if (text.includes(marker) && !state.leaks.some((l) => l.marker === marker)) state.leaks.push({ marker, where: where + ' ' + location.pathname + location.search + ' ' + (document.querySelector('h1') ? document.querySelector('h1').textContent : '') });
    }
  };
  window.__hyLeakWatch = state;
  new MutationObserver(() => state.check('mutation')).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
`;

/**
 * Before any page of the context loads: asks the app to expose its QueryClient (the documented test
 * hook in web/src/lib/query-client.ts) and installs a MutationObserver that, once armed, records
 * every text it is told to look for that appears in the DOM or the title, at every change.
 */
export async function installLeakWatch(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: WATCH_SCRIPT });
}

/** Clicks the button; once the session has ended, any of these texts showing up is recorded (see WATCH_SCRIPT). */
export async function armAndClick(page: Page, markers: string[], buttonText: string): Promise<void> {
  await page.evaluate(
    ([texts, label]) => {
      const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === label);
      if (!button) throw new Error(`no button "${label}"`);
      (window as unknown as WatchedWindow).__hyLeakWatch.markers = texts;
      button.click();
    },
    [markers, buttonText] as const,
  );
}

/** Checks the whole DOM now, and every 50 ms for `ms`, besides every change the observer sees. */
export async function watchFor(page: Page, ms: number): Promise<void> {
  await page.evaluate(async (duration) => {
    const { check } = (window as unknown as WatchedWindow).__hyLeakWatch;
    for (const end = performance.now() + duration; performance.now() < end; ) {
      check('poll');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, ms);
}

export async function leaksOf(page: Page): Promise<Leak[]> {
  return page.evaluate(() => (window as unknown as WatchedWindow).__hyLeakWatch.leaks);
}

/** Every query or mutation in the app's React Query cache that holds one of the texts. */
export async function cacheHolding(page: Page, markers: string[]): Promise<string[]> {
  return page.evaluate((texts) => {
    const client = (window as unknown as WatchedWindow).__HY_QUERY_CLIENT__;
    if (!client) throw new Error('the query client is not exposed (installLeakWatch before the page loads)');
    const entries = [
      ...client.getQueryCache().getAll().map((q) => ({ name: `query ${JSON.stringify(q.queryKey)}`, value: [q.queryKey, q.state.data] as unknown })),
      ...client.getMutationCache().getAll().map((m, i) => ({ name: `mutation ${i}`, value: [m.state.variables, m.state.data] as unknown })),
    ];
    return entries.flatMap((e) => {
      let text: string;
      try {
        text = JSON.stringify(e.value) ?? '';
      } catch {
        text = String(e.value);
      }
      return texts.filter((t) => text.includes(t)).map((t) => `${e.name} holds "${t}"`);
    });
  }, markers);
}

/** How many queries the cache holds (to show the checks looked at a live cache). */
export async function cachedQueryCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as WatchedWindow).__HY_QUERY_CLIENT__?.getQueryCache().getAll().length ?? -1);
}
