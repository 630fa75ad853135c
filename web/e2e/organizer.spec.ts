import { expect } from 'chai';
import { desc } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { communities } from '../../api/src/db/schema/index';
import { api, db, harness, listen } from '../../api/test/support/harness';
import { createUser, type TestUser } from '../../api/test/support/factories';
import { ENGLISH, fillSignIn } from './support/sign-in';
import { horizontalOverflow, openBrowser, shot, type Browser } from './support/browser';

async function checkLayout(page: Page, name: string): Promise<void> {
  await shot(page, name);
  expect(await horizontalOverflow(page), `${name} scrolls sideways`).to.equal(0);
}

type CatalogueReward = { id: string; nameEn: string; stock: number; cost: number; communityId: number | null };

describe('web: an organizer reviews the members and manages the rewards catalogue', function () {
  this.timeout(180_000);
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let organizer: TestUser;
  let oldest: TestUser;
  let newest: TestUser;
  let outsider: TestUser;
  const volunteers: TestUser[] = [];
  const rewardEn = 'Tea set (organizer test)';
  const rewardZh = '茶具（组织员测试）';

  before(async () => {
    server = await listen(harness().app);
    // A community no other spec uses, so the member list holds exactly the volunteers made here.
    const [community] = await db().select().from(communities).orderBy(desc(communities.id)).limit(1);
    organizer = await createUser({ role: 'organizer', communityId: community.id, displayName: 'Organizer Liu' });
    oldest = await createUser({ communityId: community.id, displayName: 'Ann Lee' });
    volunteers.push(oldest);
    // 51 volunteers: the first page (50, newest first) leaves Ann Lee for "Load more".
    for (let i = 0; i < 50; i++) volunteers.push(await createUser({ communityId: community.id, displayName: `Volunteer ${String(i).padStart(2, '0')}` }));
    newest = volunteers.at(-1)!;
    outsider = await createUser({ districtId: 1, displayName: 'Far Away' });
    browser = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the members page by page, without phone numbers', async () => {
    const { page } = browser;
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${server.url}/sign-in?next=/organizer`);
    await fillSignIn(page, organizer, ENGLISH);
    await page.getByRole('heading', { name: 'Organizer dashboard', level: 1 }).waitFor();

    const members = page.getByRole('table', { name: 'Members' });
    await members.getByRole('rowheader', { name: newest.user.displayName }).waitFor();
    await page.getByText('50 members shown').waitFor();
    expect(await members.getByRole('rowheader', { name: 'Ann Lee' }).count()).to.equal(0);
    await checkLayout(page, 'organizer-1-dashboard');

    await page.getByRole('button', { name: 'Load more' }).click();
    await members.getByRole('rowheader', { name: 'Ann Lee' }).waitFor();
    await page.getByText('51 members shown').waitFor();
    expect(await page.getByRole('button', { name: 'Load more' }).count()).to.equal(0);
    expect(await members.getByRole('rowheader', { name: 'Far Away' }).count()).to.equal(0);

    const text = (await page.locator('body').innerText()) + (await page.content());
    for (const who of [organizer, outsider, ...volunteers]) expect(text).to.not.include(who.phone);
    expect(errors).to.deep.equal([]);
  });

  it('creates a reward after correcting the form, then edits its stock', async () => {
    const { page } = browser;
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const catalogue = page.getByRole('region', { name: 'Rewards catalogue' });

    await catalogue.getByRole('button', { name: 'New reward' }).click();
    const form = page.getByRole('form', { name: 'New reward' });
    await form.getByRole('button', { name: 'Add reward' }).click();
    await form.getByText('Please correct the marked fields.').waitFor();
    expect(await form.getByLabel('Name in Chinese').getAttribute('aria-invalid')).to.equal('true');
    // The first field in error gets the focus.
    await page.waitForFunction(() => document.activeElement?.id.endsWith('-nameZh'));
    expect(await form.getByText('Required.').count()).to.equal(4);

    await form.getByLabel('Name in Chinese').fill(rewardZh);
    await form.getByLabel('Name in English').fill(rewardEn);
    await form.getByLabel('Description in English').fill('A small tea set for helpful neighbours.');
    await form.getByLabel('Cost (points)').fill('0');
    await form.getByLabel('Stock', { exact: true }).fill('5');
    await form.getByLabel('Offered from').fill('2030-01-02T10:00');
    await form.getByLabel('Offered until').fill('2030-01-01T10:00');
    await form.getByRole('button', { name: 'Add reward' }).click();
    await form.getByText('Enter a number from 1 to 100000.').waitFor();
    await form.getByText('Must be after “Offered from”.').waitFor();
    await checkLayout(page, 'organizer-2-reward-form-errors');

    await form.getByLabel('Cost (points)').fill('30');
    await form.getByLabel('Offered from').fill('');
    await form.getByLabel('Offered until').fill('');
    await form.getByRole('button', { name: 'Add reward' }).click();
    await catalogue.getByText(`“${rewardEn}” was added to the catalogue.`).waitFor();
    await catalogue.getByText('5 in stock').waitFor();
    await checkLayout(page, 'organizer-3-reward-created');

    await catalogue.getByRole('button', { name: `Edit ${rewardEn}` }).click();
    const edit = page.getByRole('form', { name: `Edit “${rewardEn}”` });
    expect(await edit.getByLabel('Name in English').inputValue()).to.equal(rewardEn);
    await edit.getByLabel('Stock', { exact: true }).fill('12');
    await checkLayout(page, 'organizer-4-reward-edit');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await catalogue.getByText(`“${rewardEn}” was saved.`).waitFor();
    await catalogue.getByText('12 in stock').waitFor();
    await checkLayout(page, 'organizer-5-reward-saved');

    // A tablet in portrait: the same page, narrower.
    await page.setViewportSize({ width: 768, height: 1024 });
    await checkLayout(page, 'organizer-6-tablet');
    expect(errors).to.deep.equal([]);
  });

  it('offers the new reward to the volunteers of that community only', async () => {
    const mine = await api().get('/api/rewards').set(oldest.auth).expect(200);
    const offered = (mine.body as { rewards: CatalogueReward[] }).rewards.find((r) => r.nameEn === rewardEn);
    expect(offered, 'the community volunteer sees the reward').to.not.equal(undefined);
    expect(offered).to.include({ stock: 12, cost: 30, communityId: organizer.user.communityId });

    const other = await api().get('/api/rewards').set(outsider.auth).expect(200);
    expect((other.body as { rewards: CatalogueReward[] }).rewards.map((r) => r.nameEn)).to.not.include(rewardEn);
  });
});
