/**
 * What a CPU profile of the server spent its time on (`node --cpu-prof`, written by
 * `leaderboard.ts --cpu-prof DIR` when the server stops):
 *
 *   npx tsx scripts/bench/profile-summary.ts DIR/CPU.*.cpuprofile [--top 25]
 *
 * Self time per function and per origin (a package under node_modules, the app's own source,
 * Node's internals, the garbage collector, idle), as shares of the sampled time.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { table } from './support';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
const profile = JSON.parse(readFileSync(positionals[0], 'utf8')) as Profile;

const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

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
const top = Number(values.top);
process.stdout.write(`sampled ${(total / 1e6).toFixed(1)} s\n\nby origin (self time):\n\n`);
process.stdout.write(table([...byOrigin].sort((a, b) => b[1] - a[1]).slice(0, top).map(([o, us]) => ({ origin: o, share: pct(us), ms: Math.round(us / 1000) }))) + '\n\n');
process.stdout.write('by function (self time):\n\n');
process.stdout.write(table([...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top).map(([f, us]) => ({ function: f, share: pct(us), ms: Math.round(us / 1000) }))) + '\n');
