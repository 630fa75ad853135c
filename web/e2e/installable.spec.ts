import { expect } from 'chai';
import { servedApp } from './support/served-app';

type Manifest = {
  name?: string;
  short_name?: string;
  start_url?: string;
  scope?: string;
  display?: string;
  theme_color?: string;
  background_color?: string;
  icons?: { src: string; sizes: string; type: string; purpose?: string }[];
};

describe('web: installable and offline — manifest, service worker, app shell (phone)', function () {
  this.timeout(90_000);
  const served = servedApp({ locale: 'en-US' });

  it('links one valid manifest whose icons are real PNGs of the sizes it names', async () => {
    const { page } = served.browser;
    await page.goto(`${served.server.url}/`);
    const links = await page.locator('link[rel="manifest"]').evaluateAll((els) => els.map((el) => (el as HTMLLinkElement).href));
    expect(links, 'exactly one manifest link').to.have.length(1);
    const res = await fetch(links[0]!);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/application\/manifest\+json|application\/json/);
    const manifest = (await res.json()) as Manifest;
    // What Chromium asks of an installable app (Lighthouse's "installable manifest" audit).
    expect(manifest.name).to.be.a('string').and.have.length.greaterThan(0);
    expect(manifest.short_name).to.be.a('string').and.have.length.greaterThan(0);
    expect(manifest.start_url).to.equal('/');
    expect(manifest.scope).to.equal('/');
    expect(manifest.display).to.be.oneOf(['standalone', 'fullscreen', 'minimal-ui']);
    expect(manifest.theme_color).to.match(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).to.match(/^#[0-9a-f]{6}$/i);
    const sizes = (manifest.icons ?? []).map((icon) => icon.sizes);
    expect(sizes).to.include.members(['192x192', '512x512']);
    expect(manifest.icons!.some((icon) => icon.purpose === 'maskable')).to.equal(true);
    for (const icon of manifest.icons!) {
      const image = await fetch(new URL(icon.src, links[0]));
      expect(image.status, icon.src).to.equal(200);
      expect(image.headers.get('content-type'), icon.src).to.equal('image/png');
      const bytes = Buffer.from(await image.arrayBuffer());
      // PNG header: width and height at bytes 16–23 of the IHDR chunk.
      expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`, icon.src).to.equal(icon.sizes);
    }
    // Chromium's own verdict: no installability errors for this page.
    const cdp = await served.browser.context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
    expect(installabilityErrors).to.deep.equal([]);
  });

  it('registers a service worker that controls the page after a reload, and is always revalidated', async () => {
    const { page } = served.browser;
    await page.goto(`${served.server.url}/`);
    const scriptUrl = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL ?? null);
    expect(scriptUrl).to.equal(`${served.server.url}/service-worker.js`);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const sw = await fetch(`${served.server.url}/service-worker.js`);
    expect(sw.headers.get('cache-control')).to.equal('no-cache');
  });

  it('opens the app shell offline with the report form complete, and keeps no API answer but the public reference lists', async () => {
    const { page, context } = served.browser;
    await page.goto(`${served.server.url}/`);
    await page.evaluate(async () => navigator.serviceWorker.ready);
    await page.getByRole('link', { name: 'Report a tip' }).first().waitFor();
    // One visit to the form online, as a volunteer does once after installing.
    await page.goto(`${served.server.url}/report`);
    const categoryOptions = () =>
      page.getByLabel('Category', { exact: true }).locator('option').evaluateAll((els) => els.map((el) => el.textContent ?? '').filter(Boolean));
    await page.waitForFunction(() => document.querySelectorAll('select option').length > 5);
    const online = await categoryOptions();
    await context.setOffline(true);
    try {
      for (const path of ['/', '/report', '/my-tips']) {
        await page.goto(`${served.server.url}${path}`);
        await page.getByText(/call 110/i).first().waitFor();
      }
      // A cold start offline: the form's lazy chunk from the precache, its categories and districts from the reference cache.
      const cold = await context.newPage();
      await cold.goto(`${served.server.url}/report`);
      await cold.getByLabel('Description', { exact: true }).waitFor();
      await cold.waitForFunction(() => document.querySelectorAll('select option').length > 5);
      const offline = await cold
        .getByLabel('Category', { exact: true })
        .locator('option')
        .evaluateAll((els) => els.map((el) => el.textContent ?? '').filter(Boolean));
      expect(offline).to.deep.equal(online);
      const districts = await cold.getByLabel('District', { exact: true }).locator('option').count();
      expect(districts, 'districts offline').to.be.greaterThan(12);
      await cold.close();
    } finally {
      await context.setOffline(false);
    }
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(`${name} ${request.url}`);
      }
      return urls;
    });
    expect(cached.length).to.be.greaterThan(10);
    const api = cached.filter((entry) => /\/api\//.test(entry));
    expect(api.some((entry) => entry.endsWith('/api/categories')), 'categories kept for offline').to.equal(true);
    const publicList = /^hy-reference \S+\/api\/(categories|districts|districts\/\d+\/(townships|communities)|communities(\?\S*)?|map\/config)$/;
    expect(api.filter((entry) => !publicList.test(entry)), 'API answers in Cache Storage other than public reference lists').to.deep.equal([]);
    expect(cached.some((entry) => entry.includes('/index.html'))).to.equal(true);
  });
});
