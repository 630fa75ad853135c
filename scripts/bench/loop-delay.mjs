/**
 * Preloaded into the app process by `tips.ts --loop-delay` (node --import): the event loop's
 * delay (perf_hooks.monitorEventLoopDelay, 10 ms resolution) from the first request to the exit,
 * written as JSON to HY_LOOP_DELAY_FILE when the process exits. Plain JavaScript: the app runs
 * as `node api/dist/main.js`, without a TypeScript loader.
 */
import { subscribe } from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
let requests = 0;
// Start-up (migrations, module loading) is not what is measured: count from the first request.
subscribe('http.server.request.start', () => {
  if (requests++ === 0) histogram.reset();
});
process.on('exit', () => {
  histogram.disable();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  const summary = { requests, meanMs: ms(histogram.mean), p50Ms: ms(histogram.percentile(50)), p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max) };
  writeFileSync(process.env.HY_LOOP_DELAY_FILE, JSON.stringify(summary));
});
