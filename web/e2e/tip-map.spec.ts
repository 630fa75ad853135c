import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { tips } from '../../api/src/db/schema/index';
import { db, resetDb } from '../../api/test/support/harness';
import { createUser, type TestUser } from '../../api/test/support/factories';
import { tipIn } from '../../api/test/support/police';
import { fillSignIn } from './support/sign-in';
import { horizontalOverflow, openBrowser, shot, type Browser } from './support/browser';
import { listenWithTiles } from './support/map-tiles';

type Server = Awaited<ReturnType<typeof listenWithTiles>>;

/** Three tips of 雁峰区 a few kilometres apart, and one of 耒阳市 the officer must not see. */
const PLACES = [
  { lat: 26.8936, lng: 112.5719, category: 'drugs' as const },
  { lat: 26.905, lng: 112.6, category: 'fraud' as const },
  { lat: 26.872, lng: 112.62, category: 'drugs' as const },
];

async function signIn(page: Page, server: Server, user: TestUser, path: string, words?: Parameters<typeof fillSignIn>[2]) {
  await page.goto(`${server.url}${path}`);
  await fillSignIn(page, user, words);
}

/** Waits until the map has drawn tiles (from the test server) and the markers of these references. */
async function waitForMap(page: Page, references: string[]) {
  await page.waitForFunction(() => document.querySelectorAll('img.leaflet-tile-loaded').length >= 4);
  for (const reference of references) await page.locator(`.leaflet-marker-icon[title="${reference}"]`).waitFor();
}

describe('web: the police tip map and the report form’s pin, on local tiles', function () {
  this.timeout(150_000);
  let server: Server;
  let browser: Browser | undefined;
  let officer: TestUser;
  let supervisor: TestUser;
  let volunteer: TestUser;
  let admin: TestUser;
  let ours: { id: string; reference: string }[];
  let theirs: { id: string; reference: string };

  before(async () => {
    await resetDb();
    [officer, supervisor, volunteer, admin] = await Promise.all([
      createUser({ role: 'officer', districtId: 1, displayName: 'Officer Li' }),
      createUser({ role: 'supervisor', districtId: 1, displayName: 'Supervisor Zhao' }),
      createUser({ role: 'volunteer', districtId: 1 }),
      createUser({ role: 'admin', displayName: 'Admin Chen' }),
    ]);
    ours = [];
    for (const p of PLACES) ours.push(await tipIn(1, { reporter: null, input: { lat: p.lat, lng: p.lng, category: p.category } }));
    theirs = await tipIn(11, { reporter: null, input: { lat: 26.42, lng: 112.86 } });
    server = await listenWithTiles();
  });

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  after(async () => {
    await server?.close();
  });

  it('shows an officer the district’s tips on the map, filters them, and opens one (desktop, English)', async () => {
    browser = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const { page } = browser;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, server, officer, '/police');
    await page.getByRole('navigation').getByRole('link', { name: 'Map', exact: true }).click();
    await page.getByRole('heading', { name: 'Map', level: 1 }).waitFor();
    await waitForMap(page, ours.map((t) => t.reference));
    await page.getByText('3 tips in view').waitFor();
    expect(await page.locator(`.leaflet-marker-icon[title="${theirs.reference}"]`).count()).to.equal(0);
    expect(server.tilesServed()).to.be.greaterThan(3);
    // Police see their own district: no district picker.
    expect(await page.getByLabel('District', { exact: true }).count()).to.equal(0);
    await shot(page, 'map-1-police-desktop');

    // Filtered like the queue: only fraud leaves one tip.
    await page.getByLabel('Category', { exact: true }).selectOption('fraud');
    await page.getByText('1 tip in view').waitFor();
    expect(await page.locator('.leaflet-marker-icon').count()).to.equal(1);
    expect(page.url()).to.include('category=fraud');

    await page.locator(`.leaflet-marker-icon[title="${ours[1].reference}"]`).click();
    await page.getByRole('link', { name: `Open tip ${ours[1].reference}` }).click();
    await page.waitForURL(`**/police/tips/${ours[1].id}`);
    await page.getByRole('heading', { name: ours[1].reference, level: 1 }).waitFor();
    expect(errors).to.deep.equal([]);
  });

  it('lets an admin narrow the city map to one district, like the queue (desktop, English)', async () => {
    browser = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const { page } = browser;
    await signIn(page, server, admin, '/police/map');
    await page.getByRole('heading', { name: 'Map', level: 1 }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('img.leaflet-tile-loaded').length >= 4);
    // The city: the three tips of 雁峰区 and the one of 耒阳市.
    await page.getByText('4 tips in view').waitFor();
    const district = page.getByLabel('District', { exact: true });
    await page.waitForFunction((el) => (el as HTMLSelectElement).options.length > 12, await district.elementHandle());
    expect(await district.inputValue()).to.equal('');
    await district.selectOption({ label: 'Leiyang City' });
    await page.getByText('1 tip in view').waitFor();
    expect(page.url()).to.include('districtId=11');
    await page.locator(`.leaflet-marker-icon[title="${theirs.reference}"]`).waitFor();
    await district.selectOption({ label: 'Yanfeng District' });
    await page.getByText('3 tips in view').waitFor();
    expect(page.url()).to.include('districtId=1');
    expect(await page.locator(`.leaflet-marker-icon[title="${theirs.reference}"]`).count()).to.equal(0);
    await shot(page, 'map-4-admin-district');
  });

  it('fits a 375 px phone without sideways scrolling (Chinese)', async () => {
    browser = await openBrowser({ locale: 'zh-CN' });
    const { page } = browser;
    await signIn(page, server, officer, '/police/map', { phone: '手机号', password: '密码', submit: '登录' });
    await page.getByRole('heading', { name: '线索地图', level: 1 }).waitFor();
    await waitForMap(page, ours.map((t) => t.reference));
    await page.getByText('视野内 3 条线索').waitFor();
    expect(await horizontalOverflow(page)).to.equal(0);
    await shot(page, 'map-2-police-phone-zh');
  });

  it('lets a volunteer place the pin on a map and drag it; the tip keeps the dragged place (phone)', async () => {
    browser = await openBrowser({ locale: 'en-US' });
    const { page } = browser;
    await signIn(page, server, volunteer, '/sign-in?next=%2Freport');
    await page.getByLabel('Description', { exact: true }).waitFor();
    // The report form does not load the map library until the map is opened.
    const leafletBefore = await page.evaluate(() => performance.getEntriesByType('resource').some((r) => /\/leaflet-[^/]*\.js$/.test(r.name)));
    expect(leafletBefore, 'Leaflet loaded with the form').to.equal(false);

    await page.getByRole('button', { name: 'Place on map' }).click();
    const map = page.getByTestId('pin-map');
    await map.waitFor();
    await page.waitForFunction(() => document.querySelectorAll('img.leaflet-tile-loaded').length >= 4);
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
    const pin = page.locator('.leaflet-marker-icon[title="Place of the tip"]');
    await pin.waitFor();
    const coordinates = page.getByText(/^Coordinates: /);
    const placed = await coordinates.textContent();
    // The centre of the map is Hengyang's centre (26.9, 112.6).
    const [, lat0, lng0] = /Coordinates: ([\d.]+), ([\d.]+)/.exec(placed!)!.map(Number);
    expect(lat0).to.be.closeTo(26.9, 0.005);
    expect(lng0).to.be.closeTo(112.6, 0.005);

    const at = (await pin.boundingBox())!;
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    await page.mouse.down();
    await page.mouse.move(at.x + at.width / 2 + 60, at.y + at.height / 2 + 40, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction((before) => !document.body.innerText.includes(before!), placed);
    const dragged = (await coordinates.textContent())!;
    const [, lat, lng] = /Coordinates: ([\d.]+), ([\d.]+)/.exec(dragged)!.map(Number);
    expect(lat, 'south after dragging down').to.be.below(lat0);
    expect(lng, 'east after dragging right').to.be.above(lng0);
    await shot(page, 'map-3-report-pin');
    expect(await horizontalOverflow(page)).to.equal(0);

    await page.getByLabel('Category', { exact: true }).selectOption('public_order');
    await page.getByLabel('Description', { exact: true }).fill('Street lights on the river path have been out for a week; people were robbed there.');
    const when = await page.evaluate(() => {
      const d = new Date(Date.now() - 2 * 3600_000);
      d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
      return d.toISOString().slice(0, 16);
    });
    await page.getByLabel('When did it happen', { exact: true }).fill(when);
    await page.getByLabel('Location', { exact: true }).fill('River path south of the bridge');
    const district = page.getByLabel('District', { exact: true });
    await page.waitForFunction((el) => (el as HTMLSelectElement).options.length > 1, await district.elementHandle());
    await district.selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Submit tip' }).click();
    const reference = (await page.getByText(/^HY-\d{8}-\d{4,}$/).textContent())!.trim();
    const [tip] = await db().select().from(tips).where(eq(tips.reference, reference));
    expect(tip.lat).to.be.closeTo(lat, 1e-5);
    expect(tip.lng).to.be.closeTo(lng, 1e-5);
    expect(tip.address).to.equal('River path south of the bridge');
  });

  it('exports the queue as CSV with its filters (supervisor)', async () => {
    browser = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const { page } = browser;
    await signIn(page, server, supervisor, '/police?category=drugs');
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).to.match(/^tips-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).to.equal(0xfeff);
    const rows = parse(text, { bom: true, columns: true }) as { reference: string; category: string; status: string }[];
    expect(rows.map((r) => r.reference)).to.have.members([ours[0].reference, ours[2].reference]);
    expect(rows.every((r) => r.category === 'drugs' && r.status === 'submitted')).to.equal(true);
  });

  it('offers no export to an officer', async () => {
    browser = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const { page } = browser;
    await signIn(page, server, officer, '/police');
    await page.getByRole('button', { name: 'Claim next' }).waitFor();
    expect(await page.getByRole('button', { name: 'Export CSV' }).count()).to.equal(0);
  });
});
