/**
 * Preloaded into the app process by `export.ts` (node --import): samples the process's memory
 * every 50 ms — `process.memoryUsage()` (rss, heapTotal, heapUsed, external, arrayBuffers) and the
 * sizes of V8's young and old generations — and writes them as JSON lines to HY_MEMORY_FILE when
 * the process exits, so the benchmark can tell the heap from Buffers and from what neither counts
 * (malloc arenas, thread stacks). Plain JavaScript: the app runs as `node api/dist/main.js`.
 */
import { writeFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';

const samples = [];
const mb = (bytes) => Math.round(bytes / 2 ** 17) / 8;
const timer = setInterval(() => {
  const m = process.memoryUsage();
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_size]));
  samples.push({
    at: Date.now(),
    rss: mb(m.rss),
    heapTotal: mb(m.heapTotal),
    heapUsed: mb(m.heapUsed),
    external: mb(m.external),
    arrayBuffers: mb(m.arrayBuffers),
    newSpace: mb(spaces.new_space ?? 0),
    oldSpace: mb(spaces.old_space ?? 0),
    largeObjects: mb((spaces.large_object_space ?? 0) + (spaces.new_large_object_space ?? 0)),
  });
}, 50);
timer.unref();
process.on('exit', () => writeFileSync(process.env.HY_MEMORY_FILE, samples.map((s) => JSON.stringify(s)).join('\n')));
