import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { api, harness, listen } from '../../api/test/support/harness';
import { createUser, type TestUser } from '../../api/test/support/factories';
import { balanceOf } from '../../api/test/support/points-helpers';
import { clock } from '../../api/src/lib/clock';
import { ENGLISH, fillSignIn } from './support/sign-in';
import { horizontalOverflow, openBrowser, shot, type Browser } from './support/browser';

/** The meeting place (WGS-84) and a spot about 1 km north of it. */
const PLACE = { latitude: 26.8936, longitude: 112.5719 };
const FAR = { latitude: 26.9026, longitude: 112.5719 };
const TITLE = 'Evening patrol (browser test)';

async function checkLayout(page: Page, name: string): Promise<void> {
  await shot(page, name);
  expect(await horizontalOverflow(page), `${name} scrolls sideways`).to.equal(0);
}

async function assertTouchTargets(page: Page, names: string[]): Promise<void> {
  for (const name of names) {
    const box = await page.getByRole('button', { name, exact: true }).boundingBox();
    expect(box?.height ?? 0, `${name} is a 44 px touch target`).to.be.at.least(44);
  }
}

describe('web: a volunteer joins a campaign, checks in on site, checks out 30 minutes later and sees the points', function () {
  this.timeout(120_000);
  let server: { url: string; close: () => Promise<void> };
  let volunteer: TestUser;
  let officer: TestUser;
  let browser: Browser;

  before(async () => {
    server = await listen(harness().app);
    volunteer = await createUser({ displayName: 'Mei Chen' });
    officer = await createUser({ role: 'officer', displayName: 'Officer Wang' });
    browser = await openBrowser({ locale: 'en-US' });
    await browser.context.grantPermissions(['geolocation'], { origin: server.url });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('on a 375×667 phone with the browser’s geolocation, and the officer follows attendance on the desk', async () => {
    // The server's clock stands still from here; the test moves it instead of waiting 30 minutes.
    clock.set(Date.now());
    const starts = new Date(clock.nowMs() + 5 * 60_000);
    await api()
      .post('/api/campaigns')
      .set(officer.auth)
      .send({
        title: TITLE,
        kind: 'patrol',
        description: 'Two by two along Xianfeng Road.',
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 2 * 3_600_000).toISOString(),
        lat: PLACE.latitude,
        lng: PLACE.longitude,
        radiusM: 200,
        address: 'Xianfeng Road community square',
        capacity: 10,
        points: 20,
      })
      .expect(201);

    const { page, context } = browser;
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${server.url}/sign-in?next=/campaigns`);
    await fillSignIn(page, volunteer, ENGLISH);
    await page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await checkLayout(page, 'campaigns-1-list');

    await page.getByRole('link', { name: new RegExp(TITLE.replace(/[()]/g, '\\$&')) }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await assertTouchTargets(page, ['Join']);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await page.getByRole('button', { name: 'Check in', exact: true }).waitFor();
    expect(await page.getByText('1 / 10 joined').isVisible()).to.equal(true);
    await assertTouchTargets(page, ['Check in', 'Leave']);

    // 1 km away: the server refuses, and the page says how far and what to do
    await context.setGeolocation({ ...FAR, accuracy: 15 });
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    const refusal = page.getByRole('alert');
    await refusal.filter({ hasText: /You are 10\d\d m from the meeting place/ }).waitFor();
    await checkLayout(page, 'campaigns-2-out-of-area');

    await context.setGeolocation({ ...PLACE, accuracy: 15 });
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await page.getByText(/^Checked in at/).waitFor();
    await checkLayout(page, 'campaigns-3-checked-in');

    clock.advance(35 * 60_000);
    await page.getByRole('button', { name: 'Check out', exact: true }).click();
    await page.getByTestId('campaign-points').filter({ hasText: 'You earned 20 points.' }).waitFor();
    expect(await page.getByText('You attended 30 minutes.').isVisible()).to.equal(true);
    await checkLayout(page, 'campaigns-4-checked-out');
    expect(await balanceOf(volunteer)).to.equal(20);

    await page.getByRole('link', { name: 'Points' }).click();
    await page.getByTestId('points-balance').filter({ hasText: '20 points' }).waitFor();
    expect(errors).to.deep.equal([]);

    // The officer's desk: live attendance and the CSV export
    const desk = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    try {
      await desk.page.goto(`${server.url}/sign-in?next=/police/campaigns`);
      await fillSignIn(desk.page, officer, ENGLISH);
      await desk.page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
      const item = desk.page.getByRole('listitem').filter({ hasText: TITLE });
      await item.getByRole('button', { name: 'Attendance' }).click();
      await item.getByRole('cell', { name: 'Mei Chen' }).waitFor();
      expect(await item.getByText('1 joined · 1 checked in · 1 checked out · 20 points awarded').isVisible()).to.equal(true);
      const download = desk.page.waitForEvent('download');
      await item.getByRole('button', { name: 'Export CSV' }).click();
      const file = await (await download).path();
      const { readFileSync } = await import('node:fs');
      const csv = readFileSync(file);
      expect([...csv.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      expect(csv.toString('utf8')).to.include('Mei Chen');
      await checkLayout(desk.page, 'campaigns-5-desk-attendance');
    } finally {
      await desk.close();
    }
  });
});
