/**
 * The home page on a slow phone network: the compressed size of the JavaScript it loads and its
 * first render under Chromium's network emulation (CDP Network.emulateNetworkConditions).
 * Build the web app first (`npm run build -w web`), then:
 *
 *   npx tsx scripts/bench/web-home.ts [--runs 5] [--locale zh-CN|en-US]
 *
 * The API serves web/dist in-process (PGlite, temp DATA_DIR) exactly as in production, with its
 * gzip compression; the browser starts with an empty cache each run. Two profiles:
 *   slow 3G — 400 ms RTT, 400 kbit/s down and up (WebPageTest's "3G Slow"), the target profile;
 *   DevTools "Slow 3G" preset — 2 s latency per request, 400 kbit/s: shown for comparison.
 * Reported: JS bytes as transferred (gzip by the server) and gzip -9 of the same files, first
 * contentful paint, and the time until the home page's main content is on screen.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { openBrowser } from '../../web/e2e/support/browser';
import { machine, startApp, table } from './support';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    locale: { type: 'string', default: 'zh-CN' },
  },
});
const runs = Number(values.runs);
const locale = values.locale === 'en-US' ? 'en-US' : 'zh-CN';

const PROFILES = [
  { name: 'slow 3G (400 ms RTT, 400 kbit/s)', latency: 400, bytesPerSecond: 400_000 / 8 },
  { name: 'DevTools "Slow 3G" preset (2 s, 400 kbit/s)', latency: 2000, bytesPerSecond: (500_000 / 8) * 0.8 },
];

type Run = { fcp: number; mainVisible: number; jsTransferred: number; jsGzip9: number; jsRaw: number; scripts: string[] };

async function measure(baseUrl: string, profile: (typeof PROFILES)[number]): Promise<Run> {
  const browser = await openBrowser({ locale });
  try {
    const { page, context } = browser;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latency,
      downloadThroughput: profile.bytesPerSecond,
      uploadThroughput: profile.bytesPerSecond,
    });
    const scripts = new Map<string, { transferred: number; body?: Buffer }>();
    const pending: Promise<void>[] = [];
    cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
      const s = scripts.get(e.requestId);
      if (s) s.transferred = e.encodedDataLength;
    });
    const urls = new Map<string, string>();
    cdp.on('Network.responseReceived', (e: { requestId: string; type: string; response: { url: string } }) => {
      if (e.type !== 'Script') return;
      urls.set(e.requestId, e.response.url);
      scripts.set(e.requestId, { transferred: 0 });
    });
    page.on('response', (res) => {
      if (res.request().resourceType() !== 'script') return;
      pending.push(
        res.body().then((body) => {
          for (const [id, u] of urls) if (u === res.url()) scripts.get(id)!.body = body;
        }),
      );
    });

    await page.goto(`${baseUrl}/`, { waitUntil: 'commit', timeout: 120_000 });
    // The React app is up when its own home heading replaces the static shell of index.html.
    await page.waitForFunction(() => Boolean(document.querySelector('#home-title')), undefined, { timeout: 120_000 });
    const mainVisible = await page.evaluate(() => performance.now());
    await page.waitForLoadState('networkidle', { timeout: 120_000 });
    await Promise.all(pending);
    const fcp = await page.evaluate(
      () => performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')?.startTime ?? -1,
    );
    let jsTransferred = 0;
    let jsGzip9 = 0;
    let jsRaw = 0;
    for (const s of scripts.values()) {
      jsTransferred += s.transferred;
      if (s.body) {
        jsRaw += s.body.length;
        jsGzip9 += gzipSync(s.body, { level: 9 }).length;
      }
    }
    return {
      fcp: Math.round(fcp),
      mainVisible: Math.round(mainVisible),
      jsTransferred,
      jsGzip9,
      jsRaw,
      scripts: [...urls.values()].map((u) => new URL(u).pathname),
    };
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

async function main(): Promise<void> {
  const dist = path.resolve(import.meta.dirname, '../../web/dist/index.html');
  if (!existsSync(dist)) throw new Error('web/dist is missing: run `npm run build -w web` first');
  const running = await startApp();
  const rows = [];
  let scripts: string[] = [];
  try {
    for (const profile of PROFILES) {
      const results: Run[] = [];
      for (let i = 0; i < runs; i++) results.push(await measure(running.url, profile));
      scripts = results[0].scripts;
      rows.push({
        network: profile.name,
        runs,
        'JS transferred KB': kb(median(results.map((r) => r.jsTransferred))),
        'JS gzip -9 KB': kb(median(results.map((r) => r.jsGzip9))),
        'JS raw KB': kb(median(results.map((r) => r.jsRaw))),
        'FCP ms (median)': median(results.map((r) => r.fcp)),
        'React app rendered ms (median)': median(results.map((r) => r.mainVisible)),
        'React app rendered ms (worst)': Math.max(...results.map((r) => r.mainVisible)),
      });
    }
  } finally {
    await running.close();
  }
  process.stdout.write(`Home page (${locale}), empty cache; ${JSON.stringify(machine())}\n\n`);
  process.stdout.write(table(rows) + '\n\n');
  process.stdout.write(`Scripts the home page loaded: ${scripts.join(', ')}\n`);
  process.stdout.write('Targets: JS ≤ 150 KB compressed; first render ≤ 2.5 s on slow 3G.\n');
}

await main();
