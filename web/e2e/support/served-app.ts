import type { Config } from '../../../api/src/config';
import { appWith, harness, listen } from '../../../api/test/support/harness';
import { openBrowser, type Browser } from './browser';

export type ServedApp = { server: { url: string; close: () => Promise<void> }; browser: Browser };

/**
 * For a describe block: the real app listening on a free port and a fresh Chromium, opened before
 * its tests and closed after them. Read the fields inside tests (they are set in `before`).
 * `config` overrides the test settings for this app only.
 */
export function servedApp(options?: Parameters<typeof openBrowser>[0], config?: Partial<Config>): ServedApp {
  const served = {} as ServedApp;
  before(async () => {
    // Settings of its own (e.g. rateLimits: true for the real proof-of-work) make an app of its own.
    served.server = await listen(config ? appWith(config) : harness().app);
    served.browser = await openBrowser(options);
  });
  after(async () => {
    await served.browser?.close();
    await served.server?.close();
  });
  return served;
}
