/** Shared by the page and the service worker (web/sw): how the worker asks open pages to send their outbox. */
export const OUTBOX_SYNC_TAG = 'hy-outbox';
export const OUTBOX_FLUSH_MESSAGE = 'hy-outbox-flush';
/** localStorage key set while a tip waits: a page load imports the outbox code only when there is work (the home page's budget). */
export const OUTBOX_PENDING_FLAG = 'hy.outbox.pending';
