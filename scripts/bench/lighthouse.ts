/**
 * Lighthouse (mobile, performance only) on the pages of issue 14: the home page, the report form,
 * My tips (the demo volunteer) and the organizer dashboard (the demo organizer). Build the web app
 * first (`npm run build -w web`), then:
 *
 *   npx tsx scripts/bench/lighthouse.ts [--runs 3] [--locale zh-CN|en-US] [--pages /,/report]
 *                                       [--throttling simulate|devtools] [--json-dir DIR]
 *                                       [--web-dist DIR[,DIR2]] [--cpu-multiplier N]
 *
 * `--web-dist` serves another build (default web/dist); with two, both are served (one server
 * each) and audited in turn, page by page and run by run, so a before/after comparison on a
 * shared machine sees the same load on both sides.
 *
 * The app runs out of process (`api/src/main.ts` through tsx, NODE_ENV=production, embedded PGlite
 * in a temp DATA_DIR seeded with the demo accounts as `npm run seed` does, RATE_LIMITS=off), serving
 * the built web/dist as in production. Every run launches Debian's Chromium with a fresh profile
 * (chrome-launcher, `--headless=new --no-sandbox`); every host name but 127.0.0.1 resolves to
 * nothing (`--host-resolver-rules`) and background networking is off, so nothing external is
 * fetched (map tiles included). A signed-in page gets the session the way the app keeps it: the
 * tokens of a fresh sign-in in localStorage `hy.auth` of the app's origin, written before the run
 * (Lighthouse's own storage reset is turned off for that; the profile is new, so the HTTP cache and
 * the service worker are empty anyway). The UI language is stored in `hy.lang`.
 *
 * Throttling is Lighthouse's default mobile profile, simulated (150 ms RTT, 1.6 Mbit/s, CPU × 4):
 * the trace is recorded unthrottled and the metrics are computed from it, so total blocking time
 * still grows with the machine's load. The load average and Lighthouse's benchmark index of the
 * CPU (higher is faster; Lighthouse's CPU × 4 assumes a fast desktop) are printed with every run.
 * `--cpu-multiplier N` replaces the × 4: on a host whose benchmark index is already that of a phone
 * (≈ 400, a busy shared box), × 4 counts the slowness twice; × 1 there approximates the profile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { throttling as lighthouseThrottling } from 'lighthouse/core/config/constants.js';
import { chromium } from 'playwright-core';
import { freePort } from '../../api/test/support/listen';
import { chromiumPath } from '../../web/e2e/support/browser';
import { machine, table } from './support';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    locale: { type: 'string', default: 'zh-CN' },
    pages: { type: 'string', default: '/,/report,/my-tips,/organizer' },
    throttling: { type: 'string', default: 'simulate' },
    'json-dir': { type: 'string' },
    'web-dist': { type: 'string' },
    'cpu-multiplier': { type: 'string' },
  },
});
const runs = Number(values.runs);
const language = values.locale === 'en-US' ? 'en' : 'zh-CN';
const throttlingMethod = values.throttling === 'devtools' ? 'devtools' : 'simulate';
const jsonDir = values['json-dir'];
/** Lighthouse's CPU slowdown (default 4, meant for a fast desktop host: benchmark index ≈ 1,500+). */
const cpuSlowdownMultiplier = values['cpu-multiplier'] ? Number(values['cpu-multiplier']) : undefined;
const root = path.resolve(import.meta.dirname, '../..');
const MOBILE_THROTTLING = lighthouseThrottling.mobileSlow4G;

/** The demo accounts (`npm run seed`, README "Demo accounts"). */
const DEMO_PASSWORD = 'demo12345';
const SIGNED_IN_AS: Record<string, string | undefined> = {
  '/my-tips': '13800000001', // volunteer
  '/organizer': '13800000004', // organizer, 雁峰区
};

type Server = { url: string; child: ChildProcess; dataDir: string; output: () => string };

async function startServer(webDist: string | undefined): Promise<Server> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hy-bench-lighthouse-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.join(root, 'api'),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      RATE_LIMITS: 'off',
      LOG_LEVEL: 'warn',
      MALLOC_ARENA_MAX: '2',
      ...(webDist ? { WEB_DIST: webDist } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c));
  child.stderr!.on('data', (c: Buffer) => (output += c));
  const url = `http://127.0.0.1:${port}`;
  // Minutes on a busy shared machine: migrations and the demo seed run on PGlite first.
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`server did not start:\n${output}`);
    }
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) return { url, child, dataDir, output: () => output };
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
  rmSync(server.dataDir, { recursive: true, force: true });
}

/** A fresh sign-in: the tokens the web app stores in localStorage `hy.auth`. */
async function signIn(base: string, phone: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${phone} failed: ${res.status} ${await res.text()}`);
  const { accessToken, refreshToken } = (await res.json()) as { accessToken: string; refreshToken: string };
  return JSON.stringify({ accessToken, refreshToken });
}

/** Writes the app's localStorage for its origin in the launched Chromium, on a real static file (no app code runs). */
async function prepareStorage(port: number, base: string, entries: Record<string, string>): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0];
    const page = await context.newPage();
    await page.goto(`${base}/robots.txt`);
    await page.evaluate((items) => {
      for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
    }, entries);
    await page.close();
  } finally {
    await browser.close(); // over CDP: disconnects, the browser stays up
  }
}

type Result = { score: number; tbt: number; cls: number; lcp: number; fcp: number; si: number; tti: number; mainThread: number; js: number; benchmarkIndex: number };

async function audit(base: string, pagePath: string, run: string): Promise<Result> {
  const profile = mkdtempSync(path.join(tmpdir(), 'hy-lighthouse-chromium-'));
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    userDataDir: profile,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      `--lang=${language === 'en' ? 'en-US' : 'zh-CN'}`,
      // Nothing leaves the machine: every other host resolves to nothing.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-domain-reliability',
      '--disable-sync',
      '--no-first-run',
      '--disable-features=Translate,OptimizationHints,MediaRouter,InterestFeedContentSuggestions',
    ],
  });
  try {
    const storage: Record<string, string> = { 'hy.lang': language };
    const phone = SIGNED_IN_AS[pagePath];
    if (phone) storage['hy.auth'] = await signIn(base, phone);
    await prepareStorage(chrome.port, base, storage);
    const result = await lighthouse(`${base}${pagePath}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      throttlingMethod,
      ...(cpuSlowdownMultiplier ? { throttling: { ...MOBILE_THROTTLING, cpuSlowdownMultiplier } } : {}),
      disableStorageReset: true, // keeps the session written above; the profile is fresh
      // A reader of the run's language asks for it (the server names that language's strings in the
      // HTML from Accept-Language); headless Chromium sends en-US whatever --lang says.
      extraHeaders: { 'Accept-Language': language === 'en' ? 'en-US,en;q=0.9' : 'zh-CN,zh;q=0.9' },
    });
    if (!result) throw new Error(`no Lighthouse result for ${pagePath}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${pagePath}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    if (jsonDir) {
      mkdirSync(jsonDir, { recursive: true });
      const name = pagePath === '/' ? 'home' : pagePath.slice(1).replace(/\W+/g, '-');
      writeFileSync(path.join(jsonDir, `${name}-${run}.json`), JSON.stringify(lhr));
      // The page load's Chromium trace (DevTools' Performance panel opens it): what ran on the main thread.
      const trace = (result.artifacts as { Trace?: unknown }).Trace;
      if (trace) writeFileSync(path.join(jsonDir, `${name}-${run}.trace.json`), JSON.stringify(trace));
    }
    const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const finalUrl = lhr.finalDisplayedUrl;
    if (new URL(finalUrl).pathname !== pagePath) throw new Error(`${pagePath} ended on ${finalUrl} (session not taken?)`);
    const scripts = (lhr.audits['network-requests']?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
    return {
      score: Math.round((lhr.categories.performance.score ?? 0) * 100),
      tbt: num('total-blocking-time'),
      cls: num('cumulative-layout-shift'),
      lcp: num('largest-contentful-paint'),
      fcp: num('first-contentful-paint'),
      si: num('speed-index'),
      tti: num('interactive'),
      mainThread: num('mainthread-work-breakdown'),
      js: scripts.filter((s) => s.resourceType === 'Script').reduce((sum, s) => sum + (s.transferSize ?? 0), 0),
      // Lighthouse's own measure of how fast this CPU was during the run (higher is faster).
      benchmarkIndex: lhr.environment.benchmarkIndex,
    };
  } finally {
    chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Lighthouse sometimes loses the navigation in its own trace (NO_NAVSTART, seen on a loaded shared
 * host, not tied to a build): that run is audited again, twice at most.
 */
async function auditWithRetry(base: string, pagePath: string, run: string): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await audit(base, pagePath, run);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('NO_NAVSTART')) throw error;
      process.stderr.write(`${pagePath} run ${run}: NO_NAVSTART, auditing again\n`);
    }
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(', ');

async function main(): Promise<void> {
  const dists = values['web-dist'] ? values['web-dist'].split(',').map((d) => path.resolve(d.trim())) : [path.join(root, 'web/dist')];
  for (const dist of dists) if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing: run \`npm run build -w web\` first`);
  const version = (JSON.parse(readFileSync(path.join(root, 'node_modules/lighthouse/package.json'), 'utf8')) as { version: string }).version;
  const pages = values.pages.split(',').map((p) => p.trim()).filter(Boolean);
  const label = (dist: string) => (dist.startsWith(root) ? path.relative(root, dist) : dist);
  const loadBefore = loadAverage();
  const servers: Server[] = [];
  const rows = [];
  const perRun = [];
  try {
    for (const dist of dists) servers.push(await startServer(dists.length > 1 || values['web-dist'] ? dist : undefined));
    for (const pagePath of pages) {
      const results = dists.map((): Result[] => []);
      for (let i = 0; i < runs; i++) {
        for (const [d, server] of servers.entries()) {
          const r = await auditWithRetry(server.url, pagePath, `${d + 1}-${i + 1}`);
          results[d].push(r);
          perRun.push({ build: label(dists[d]), page: pagePath, run: i + 1, score: r.score, 'TBT ms': Math.round(r.tbt), CLS: r.cls.toFixed(3), 'LCP ms': Math.round(r.lcp), 'benchmark index': Math.round(r.benchmarkIndex), load: loadAverage() });
        }
      }
      for (const [d, rs] of results.entries()) {
        rows.push({
          build: label(dists[d]),
          page: pagePath,
          'signed in': SIGNED_IN_AS[pagePath] ? (pagePath === '/organizer' ? 'organizer' : 'volunteer') : '—',
          runs,
          'performance (median)': median(rs.map((r) => r.score)),
          'min–max': `${Math.min(...rs.map((r) => r.score))}–${Math.max(...rs.map((r) => r.score))}`,
          'TBT ms': Math.round(median(rs.map((r) => r.tbt))),
          CLS: median(rs.map((r) => r.cls)).toFixed(3),
          'LCP ms': Math.round(median(rs.map((r) => r.lcp))),
          'FCP ms': Math.round(median(rs.map((r) => r.fcp))),
          'SI ms': Math.round(median(rs.map((r) => r.si))),
          'main-thread ms': Math.round(median(rs.map((r) => r.mainThread))),
          'JS KB': Math.round((median(rs.map((r) => r.js)) / 1024) * 10) / 10,
        });
      }
    }
  } finally {
    for (const server of servers) await stopServer(server);
  }
  process.stdout.write(
    `Lighthouse ${version}, mobile, ${throttlingMethod} throttling, CPU × ${cpuSlowdownMultiplier ?? MOBILE_THROTTLING.cpuSlowdownMultiplier}, ${language}; ${JSON.stringify(machine())}\n` +
      `load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAverage()}\n\n`,
  );
  process.stdout.write(table(rows) + '\n\nPer run:\n\n' + table(perRun) + '\n\n');
  process.stdout.write('Targets (issue 14): performance ≥ 90 on each page, CLS ≤ 0.1.\n');
}

await main();
