/**
 * What the page's main thread did in the Chromium traces `lighthouse.ts --json-dir DIR` keeps:
 *
 *   npx tsx scripts/bench/trace-tasks.ts DIR [--top 8] [--min 12]
 *
 * For every `*.trace.json` (grouped by page and build: `home-1-2.trace.json` is the home page, build
 * 1, run 2) the renderer main thread's tasks, each with its CPU time (`tdur`: what the neighbours of a
 * shared machine do not inflate) and its wall time (`dur`, which Lighthouse uses). The TBT proxy is
 * Σ max(0, 4 × CPU − 50 ms) over the tasks: Lighthouse's simulated total blocking time multiplies
 * each task by its CPU slowdown (× 4) and counts what is beyond 50 ms (it takes the wall time; the
 * same sum over wall times is printed too). Per page and build the median
 * over runs, then the longest tasks of the median run (≥ `--min` ms of CPU) with what filled them
 * (script evaluation by URL, function calls, style, layout, paint, parsing, GC).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { table } from './support';

type TraceEvent = { name: string; cat: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string; data?: { url?: string; functionName?: string } } };

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '8' }, min: { type: 'string', default: '12' } } });
const dir = positionals[0];
if (!dir) throw new Error('usage: trace-tasks.ts DIR');
const top = Number(values.top);
const minCpuMs = Number(values.min);

type Task = { start: number; cpu: number; wall: number; parts: Map<string, number> };
type Run = { file: string; tasks: Task[]; cpu: number; tbtProxy: number; tbtWall: number; longest: number };

/** What a child event of a task is, for the breakdown (its CPU time counted once, at its outermost kind). */
function kindOf(e: TraceEvent): string | undefined {
  switch (e.name) {
    case 'EvaluateScript':
    case 'v8.evaluateModule':
      return `evaluate ${shortUrl(e.args?.data?.url)}`;
    case 'FunctionCall':
      return `call ${shortUrl(e.args?.data?.url)}`;
    case 'TimerFire':
    case 'FireAnimationFrame':
    case 'EventDispatch':
    case 'RunMicrotasks':
    case 'V8.RunMicrotasks':
      return e.name;
    case 'UpdateLayoutTree':
    case 'RecalculateStyles':
      return 'style';
    case 'Layout':
      return 'layout';
    case 'Paint':
    case 'PrePaint':
    case 'Layerize':
    case 'UpdateLayer':
    case 'Commit':
      return 'paint';
    case 'ParseHTML':
      return 'parse HTML';
    case 'ParseAuthorStyleSheet':
      return 'parse CSS';
    case 'v8.compile':
    case 'v8.compileModule':
    case 'V8.CompileCode':
      return 'compile';
    case 'MinorGC':
    case 'MajorGC':
    case 'V8.GC_SCAVENGER':
      return 'GC';
    default:
      return undefined;
  }
}

function shortUrl(url: string | undefined): string {
  if (!url) return '?';
  const name = url.split('/').pop() ?? url;
  return name.replace(/-[\w-]{8}\.js$/, '.js') || url;
}

function readRun(file: string): Run {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  // The renderer main threads; the page's is the one with the most task time.
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mainThreads.has(key) || e.ph !== 'X') continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  let thread: TraceEvent[] = [];
  let most = -1;
  for (const list of byThread.values()) {
    const sum = list.filter((e) => e.name === 'RunTask').reduce((s, e) => s + (e.tdur ?? 0), 0);
    if (sum > most) [most, thread] = [sum, list];
  }
  thread.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: Task[] = [];
  let current: { task: Task; end: number } | undefined;
  // Open child events (by end time), so that a part is counted at its outermost kind only.
  let openKindEnd = -1;
  for (const e of thread) {
    if (e.name === 'RunTask') {
      const task: Task = { start: e.ts, cpu: (e.tdur ?? 0) / 1000, wall: (e.dur ?? 0) / 1000, parts: new Map() };
      tasks.push(task);
      current = { task, end: e.ts + (e.dur ?? 0) };
      openKindEnd = -1;
      continue;
    }
    if (!current || e.ts >= current.end || e.ts < openKindEnd) continue;
    const kind = kindOf(e);
    if (!kind) continue;
    openKindEnd = e.ts + (e.dur ?? 0);
    current.task.parts.set(kind, (current.task.parts.get(kind) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
  }
  const cpu = tasks.reduce((s, t) => s + t.cpu, 0);
  const tbtProxy = tasks.reduce((s, t) => s + Math.max(0, 4 * t.cpu - 50), 0);
  // The same sum over wall times, as Lighthouse counts them (inflated by a busy machine's waiting).
  const tbtWall = tasks.reduce((s, t) => s + Math.max(0, 4 * t.wall - 50), 0);
  const longest = Math.max(0, ...tasks.map((t) => t.cpu));
  return { file, tasks, cpu, tbtProxy, tbtWall, longest };
}

const files = readdirSync(dir).filter((f) => f.endsWith('.trace.json')).sort();
const groups = new Map<string, Run[]>();
for (const f of files) {
  const m = /^(.*)-(\d+)-(\d+)\.trace\.json$/.exec(f);
  const key = m ? `${m[1]} build ${m[2]}` : f;
  let list = groups.get(key);
  if (!list) groups.set(key, (list = []));
  list.push(readRun(path.join(dir, f)));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const [key, runs] of groups) {
  rows.push({
    'page, build': key,
    runs: runs.length,
    'main-thread CPU ms (median)': Math.round(median(runs.map((r) => r.cpu))),
    'TBT proxy ms (median)': Math.round(median(runs.map((r) => r.tbtProxy))),
    'per run': runs.map((r) => Math.round(r.tbtProxy)).join(' / '),
    'same over wall ms (median)': Math.round(median(runs.map((r) => r.tbtWall))),
    'longest task CPU ms': Math.round(median(runs.map((r) => r.longest))),
    'tasks ≥ 12.5 ms CPU': median(runs.map((r) => r.tasks.filter((t) => t.cpu >= 12.5).length)),
  });
}
process.stdout.write(table(rows) + '\n');

for (const [key, runs] of groups) {
  const sorted = [...runs].sort((a, b) => a.tbtProxy - b.tbtProxy);
  const run = sorted[Math.floor(sorted.length / 2)];
  const t0 = run.tasks[0]?.start ?? 0;
  const long = run.tasks.filter((t) => t.cpu >= minCpuMs).sort((a, b) => b.cpu - a.cpu).slice(0, top);
  process.stdout.write(`\n${key} — ${path.basename(run.file)}: longest tasks\n`);
  for (const t of long.sort((a, b) => a.start - b.start)) {
    const parts = [...t.parts].sort((a, b) => b[1] - a[1]).filter(([, ms]) => ms >= 1).map(([k, ms]) => `${k} ${ms.toFixed(1)}`).join(', ');
    process.stdout.write(`  at ${((t.start - t0) / 1000).toFixed(0).padStart(5)} ms  CPU ${t.cpu.toFixed(1).padStart(5)} ms  wall ${t.wall.toFixed(1).padStart(6)} ms  ${parts}\n`);
  }
}
