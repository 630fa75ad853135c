/**
 * What a CPU profile of the server spent its time on (`node --cpu-prof`, written by
 * `leaderboard.ts --cpu-prof DIR` when the server stops):
 *
 *   npx tsx scripts/bench/profile-summary.ts DIR/CPU.*.cpuprofile [--top 25] [--from 3 | --from-first submitTip] [--callers writev]
 *
 * Self time per function and per origin (a package under node_modules, the app's own source,
 * Node's internals, the garbage collector, idle), as shares of the sampled time and of the busy
 * time (sampled minus idle: what the proportions mean on a loaded machine, where idle is waiting
 * for a CPU as much as for work). `--from S` leaves out the first S seconds (the server's start-up:
 * module loading, migrations); `--from-first NAME` starts at the first sample with a function
 * called NAME on its stack (the first request, whatever the start-up took). `--callers NAME` splits the self time of the functions called
 * NAME by the stack above them (`--depth`, default three frames), e.g. which writes a native `writev` serves.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { table } from './support';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, from: { type: 'string', default: '0' }, 'from-first': { type: 'string' }, callers: { type: 'string' }, depth: { type: 'string', default: '3' } } });
const profile = JSON.parse(readFileSync(positionals[0], 'utf8')) as Profile;

const selfUs = new Map<number, number>();
const parentOf = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
const hasOnStack = (id: number, name: string) => {
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) if (nodeById.get(at)!.callFrame.functionName === name) return true;
  return false;
};
const fromUs = Number(values.from) * 1e6;
let elapsedUs = 0;
let isCounting = !values['from-first'];
profile.samples.forEach((id, i) => {
  elapsedUs += profile.timeDeltas[i] ?? 0;
  isCounting ||= hasOnStack(id, values['from-first']!);
  if (isCounting && elapsedUs >= fromUs) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const idleUs = profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').reduce((s, n) => s + (selfUs.get(n.id) ?? 0), 0);
const busy = total - idleUs;

function origin(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.includes('/api/')) return 'app';
  return url;
}

const byFunction = new Map<string, number>();
const byOrigin = new Map<string, number>();
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (!us) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/api\//, 'api/')}:${lineNumber + 1}` : '';
  const fn = `${functionName || '(anonymous)'} ${where}`.trim();
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  const o = origin(url, functionName);
  byOrigin.set(o, (byOrigin.get(o) ?? 0) + us);
}
const pct = (us: number) => `${((us / total) * 100).toFixed(1)} %`;
const ofBusy = (us: number) => `${((us / busy) * 100).toFixed(1)} %`;
const busyShare = (name: string, us: number) => (name === '(idle)' ? '' : ofBusy(us));
const top = Number(values.top);
process.stdout.write(`sampled ${(total / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s\n\nby origin (self time):\n\n`);
process.stdout.write(table([...byOrigin].sort((a, b) => b[1] - a[1]).slice(0, top).map(([o, us]) => ({ origin: o, share: pct(us), 'of busy': busyShare(o, us), ms: Math.round(us / 1000) }))) + '\n\n');
process.stdout.write('by function (self time):\n\n');
process.stdout.write(table([...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top).map(([f, us]) => ({ function: f, share: pct(us), 'of busy': busyShare(f, us), ms: Math.round(us / 1000) }))) + '\n');

if (values.callers) {
  const parent = new Map<number, Node>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
  const frame = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/api\//, 'api/')}`.trim();
  const byStack = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName !== values.callers) continue;
    const stack: string[] = [];
    for (let p = parent.get(id); p && stack.length < Number(values.depth); p = parent.get(p.id)) stack.push(frame(p));
    const key = stack.join(' ← ');
    byStack.set(key, (byStack.get(key) ?? 0) + us);
  }
  process.stdout.write(`\n${values.callers} by caller (self time):\n\n`);
  process.stdout.write(table([...byStack].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => ({ callers: k, share: pct(us), 'of busy': ofBusy(us), ms: Math.round(us / 1000) }))) + '\n');
}
