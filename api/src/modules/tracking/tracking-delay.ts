import { AppError } from '../../http/errors';
import { sharedState } from '../../http/rate-limit';
import { clock } from '../../lib/clock';

/** Wrong codes for one reference answered at once before the delay starts. */
export const FREE_FAILURES = 3;
const MAX_DELAY_MS = 15 * 60_000;
/** A reference's failures are forgotten an hour after the last one. */
const FAILURES_TTL_MS = 60 * 60_000;
const GATE_SLACK_MS = 60_000;

/** 1 s after the FREE_FAILURES-th wrong code, then doubling, at most 15 minutes. */
export const delayAfter = (failures: number) =>
  failures < FREE_FAILURES ? 0 : Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_FAILURES));

/**
 * A growing delay per reference after wrong codes. It is only ever consulted after the code was
 * found wrong: the right code always passes at once, so a stranger guessing at a reference can
 * slow only themselves, never lock the real tipster out. Inside the delay a wrong code is
 * answered 429 (with Retry-After) and not counted; outside it, 404 and counted.
 */
export async function recordWrongCode(reference: string): Promise<void> {
  const gateKey = `track-gate:${reference}`;
  const now = clock.nowMs();
  const until = await sharedState.read(gateKey);
  if (until > now) {
    const seconds = Math.max(1, Math.ceil((until - now) / 1000));
    throw new AppError('RATE_LIMITED', 'Too many wrong codes for this reference; wait before trying again', { retryAfterSeconds: seconds }, {
      'Retry-After': String(seconds),
    });
  }
  const failures = await sharedState.increment(`track-failures:${reference}`, FAILURES_TTL_MS);
  const delay = delayAfter(failures);
  // The value is the end of the delay, compared with the clock above; the entry itself lives a
  // minute longer, so a slow request or instances whose clocks differ a little still see the gate.
  if (delay > 0) await sharedState.write(gateKey, now + delay, delay + GATE_SLACK_MS);
}
