import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Finds Debian's Chromium; installs it with apt-get when running as root and it is missing;
 * otherwise fails with a message that says what to do. Never downloads a browser build.
 */
export function chromiumPath(): string {
  const found = CANDIDATES.find((p): p is string => Boolean(p && existsSync(p)));
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], {
      stdio: 'inherit',
    });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error('Chromium not found: install it (sudo apt-get install chromium) or set CHROMIUM_PATH');
}

export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? path.resolve(import.meta.dirname, '../.screenshots');

export type Browser = { context: BrowserContext; page: Page; close: () => Promise<void> };

/** A fresh headless Chromium profile: a phone (375×667) by default, in the given language. */
export async function openBrowser(
  opts: { locale?: 'zh-CN' | 'en-US'; viewport?: { width: number; height: number }; isMobile?: boolean } = {},
): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'hy-chromium-'));
  const locale = opts.locale ?? 'zh-CN';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    locale,
    viewport: opts.viewport ?? { width: 375, height: 667 },
    isMobile: opts.isMobile ?? !opts.viewport,
    hasTouch: opts.isMobile ?? !opts.viewport,
    extraHTTPHeaders: { 'Accept-Language': locale === 'en-US' ? 'en-US,en;q=0.9' : 'zh-CN,zh;q=0.9' },
    args: [
      `--lang=${locale}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Full-page screenshot into SCREENSHOT_DIR (web/e2e/.screenshots by default). */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Fails when the page scrolls sideways (the volunteer side must fit a 375 px phone). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
