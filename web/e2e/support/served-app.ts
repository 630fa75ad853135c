import { harness, listen } from '../../../api/test/support/harness';
import { openBrowser, type Browser } from './browser';

export type ServedApp = { server: { url: string; close: () => Promise<void> }; browser: Browser };

/**
 * For a describe block: the real app listening on a free port and a fresh Chromium, opened before
 * its tests and closed after them. Read the fields inside tests (they are set in `before`).
 */
export function servedApp(options?: Parameters<typeof openBrowser>[0]): ServedApp {
  const served = {} as ServedApp;
  before(async () => {
    served.server = await listen(harness().app);
    served.browser = await openBrowser(options);
  });
  after(async () => {
    await served.browser?.close();
    await served.server?.close();
  });
  return served;
}
