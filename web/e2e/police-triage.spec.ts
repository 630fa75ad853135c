import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import { cases, pointsLedger, tips } from '../../api/src/db/schema/index';
import { submitTip } from '../../api/src/modules/tips/tips.service';
import { db, harness, listen, resetDb } from '../../api/test/support/harness';
import { createUser, validTipInput, type TestUser } from '../../api/test/support/factories';
import { jpegWithGps } from '../../api/test/support/images';
import { photoFile } from '../../api/test/support/uploads';
import { horizontalOverflow, openBrowser, shot, type Browser } from './support/browser';

describe('police desk in the browser (1280×800, English)', function () {
  this.timeout(120_000);
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let officer: TestUser;
  let reporter: TestUser;
  let tipId: string;
  const outside: string[] = [];

  before(async () => {
    await resetDb();
    officer = await createUser({ role: 'officer', districtId: 1, displayName: 'Officer Wang' });
    reporter = await createUser({ role: 'volunteer', districtId: 1, displayName: 'Secret Reporter' });
    const result = await submitTip({
      actor: reporter.actor,
      input: validTipInput({ description: 'Every night around 11pm two men sell small packets at the north gate of the estate.' }),
      photos: [{ field: 'photos', path: photoFile(await jpegWithGps()) }],
      idempotencyKey: undefined,
    });
    tipId = (result.body as { tip: { id: string } }).tip.id;
    server = await listen(harness().app);
    browser = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    browser.page.on('request', (req) => {
      if (!req.url().startsWith(server.url) && !req.url().startsWith('data:') && !req.url().startsWith('blob:')) outside.push(req.url());
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in, claims the next tip, views the photo, marks it valid and creates a case', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/police`);
    await page.getByLabel('Phone', { exact: true }).fill(officer.phone);
    await page.getByLabel('Password', { exact: true }).fill(officer.password);
    await page.locator('form').getByRole('button', { name: 'Sign in', exact: true }).click();

    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Cases' }).count()).to.equal(1);
    expect(await horizontalOverflow(page)).to.equal(0);
    await shot(page, 'police-queue');

    await page.getByRole('button', { name: 'Claim next', exact: true }).click();
    await page.waitForURL(`**/police/tips/${tipId}`);
    await page.getByText('Claimed by you').waitFor();
    expect((await db().select().from(tips).where(eq(tips.id, tipId)))[0].claimedById).to.equal(officer.user.id);

    const thumb = page.getByRole('button', { name: 'Photo 1 of the tip' });
    await thumb.locator('img[src^="blob:"]').waitFor();
    await thumb.click();
    const large = page.locator('figure img');
    await large.waitFor();
    expect(await large.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).to.equal(true);
    expect(await page.getByRole('link', { name: 'Open in OpenStreetMap' }).getAttribute('href')).to.contain('openstreetmap.org');
    const text = await page.locator('main').innerText();
    expect(text).not.to.contain('Secret Reporter');
    expect(text).not.to.contain(reporter.phone);
    await shot(page, 'police-tip');

    for (const name of ['Valid', 'Invalid', 'Duplicate', 'Needs info']) {
      expect(await page.getByRole('button', { name, exact: false }).count(), name).to.be.greaterThan(0);
    }
    // The keyboard shortcut: V marks the tip valid.
    await page.locator('body').click({ position: { x: 5, y: 700 } });
    await page.keyboard.press('v');
    await page.getByText('Marked Valid.').waitFor();
    const decided = (await db().select().from(tips).where(eq(tips.id, tipId)))[0];
    expect(decided.status).to.equal('valid');
    const ledger = await db().select().from(pointsLedger).where(eq(pointsLedger.userId, reporter.user.id));
    expect(ledger.map((l) => l.reason)).to.deep.equal(['tip_validated']);

    await page.getByLabel('Case title').fill('North gate drug dealing');
    await page.getByRole('button', { name: 'Create case from this tip' }).click();
    await page.getByRole('heading', { name: /North gate drug dealing/ }).waitFor();
    const [kase] = await db().select().from(cases).where(eq(cases.title, 'North gate drug dealing'));
    expect(kase.districtId).to.equal(1);
    expect((await db().select().from(tips).where(eq(tips.id, tipId)))[0].caseId).to.equal(kase.id);
    expect(await horizontalOverflow(page)).to.equal(0);
    await shot(page, 'police-case');

    await page.getByRole('link', { name: 'Cases' }).first().click();
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    await page.getByRole('link', { name: kase.reference }).waitFor();
    await shot(page, 'police-cases');
    expect(outside, 'no requests to other sites').to.deep.equal([]);
  });
});
