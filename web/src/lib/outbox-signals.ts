/** Shared by the page and the service worker (web/sw): how the worker asks open pages to send their outbox. */
export const OUTBOX_SYNC_TAG = 'hy-outbox';
export const OUTBOX_FLUSH_MESSAGE = 'hy-outbox-flush';
