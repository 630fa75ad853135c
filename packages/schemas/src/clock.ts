/**
 * The one clock. Every rule that depends on "now" (claims, undo windows, due dates, check-in
 * windows, expiry) reads it instead of `new Date()`, so tests can set the time instead of sleeping.
 * Pass `clock.now()` into SQL as a parameter rather than using the database's now() for such rules.
 */
let fixedAt: number | undefined;
let offsetMs = 0;

export const clock = {
  now(): Date {
    return new Date(this.nowMs());
  },
  nowMs(): number {
    return fixedAt ?? Date.now() + offsetMs;
  },
  /** Tests: stop the clock at an instant. */
  set(at: Date | string | number): void {
    fixedAt = new Date(at).getTime();
  },
  /** Tests: move the clock forward (it keeps running unless it was set). */
  advance(ms: number): void {
    if (fixedAt !== undefined) fixedAt += ms;
    else offsetMs += ms;
  },
  /** Tests: back to real time. */
  reset(): void {
    fixedAt = undefined;
    offsetMs = 0;
  },
};
