import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { api } from '../../api/test/support/harness';
import { createTip, createUser } from '../../api/test/support/factories';
import { fillSignIn } from './support/sign-in';
import { openBrowser, shot } from './support/browser';
import { servedApp } from './support/served-app';

async function signIn(page: Page, url: string, who: { phone: string; password: string }) {
  await page.goto(`${url}/sign-in`);
  await fillSignIn(page, who);
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

describe('web: a question from the police reaches the volunteer (phone, English)', function () {
  this.timeout(120_000);
  const served = servedApp({ locale: 'en-US' });

  it('shows unread police messages on the My tips tab and on the tip, until the volunteer reads them', async () => {
    const volunteer = await createUser({ displayName: 'Curious Li' });
    const officer = await createUser({ role: 'officer', districtId: 1 });
    const { tip } = await createTip(volunteer);
    await api().post(`/api/tips/${tip.id}/messages`).set(officer.auth).send({ body: 'Which way did the van drive off?' }).expect(201);

    const { page } = served.browser;
    await signIn(page, served.server.url, volunteer);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByText('1 new message').waitFor();

    await nav.getByRole('link', { name: /My tips/ }).click();
    const item = page.getByRole('link', { name: new RegExp(tip.reference) });
    await item.getByText('1 new message from the police').waitFor();
    await shot(page, 'unread-my-tips');

    await item.click();
    await page.getByText('Which way did the van drive off?').waitFor();
    await page.getByRole('link', { name: 'Back to My tips' }).click();
    await page.getByRole('link', { name: new RegExp(tip.reference) }).waitFor();
    await nav.getByText('1 new message').waitFor({ state: 'detached' });
    expect(await page.getByText('new message from the police').count()).to.equal(0);
  });

  it('shows the desk which tips have unread replies from their tipsters, in the queue', async () => {
    const volunteer = await createUser({ displayName: 'Answering Wu' });
    const officer = await createUser({ role: 'officer', districtId: 1 });
    const { tip } = await createTip(volunteer, { description: 'A white van parks by the school gate every afternoon, unloading boxes.' });
    await api().post(`/api/tips/${tip.id}/messages`).set(officer.auth).send({ body: 'What colour were the boxes?' }).expect(201);
    await api().post(`/api/tips/${tip.id}/messages`).set(volunteer.auth).send({ body: 'Brown, with no labels.' }).expect(201);

    const desk = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    try {
      const { page } = desk;
      await page.goto(`${served.server.url}/police?q=${encodeURIComponent('white van parks')}`);
      await fillSignIn(page, officer);
      const row = page.getByRole('row', { name: new RegExp(tip.reference) });
      await row.getByText('1 new reply').waitFor();
      await shot(page, 'unread-police-queue');
      await row.getByRole('link', { name: tip.reference }).click();
      await page.getByText('Brown, with no labels.').waitFor();
      await page.goBack();
      await page.getByRole('row', { name: new RegExp(tip.reference) }).waitFor();
      await page.getByText('1 new reply').waitFor({ state: 'detached' });
    } finally {
      await desk.close();
    }
  });
});
