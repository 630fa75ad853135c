/** The server's normalisation: spaces, dashes and a leading +86 are dropped. */
export function normalizePhone(value: string): string {
  return value.trim().replace(/[\s-]/g, '').replace(/^\+?86/, '');
}

/** Checked before sending, so a typo is caught without a round trip on a slow network. */
export function isMainlandMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizePhone(value));
}
