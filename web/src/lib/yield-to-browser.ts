type Scheduler = { yield?: () => Promise<void> };

/**
 * Ends the current task: what follows runs in a new one, after the browser had its turn (input,
 * rendering, network callbacks). On a slow phone a task longer than 50 ms blocks input, so long
 * start-up work is cut into steps with this between them. `scheduler.yield()` where there is one
 * (Chromium ≥ 129: the continuation goes before other queued tasks), else a zero-delay timer.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
