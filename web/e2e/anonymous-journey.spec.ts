import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { tips } from '../../api/src/db/schema/index';
import { api, db } from '../../api/test/support/harness';
import { createTip, createUser } from '../../api/test/support/factories';
import { horizontalOverflow, openBrowser, shot } from './support/browser';
import { servedApp } from './support/served-app';

async function checkLayout(page: Page, name: string): Promise<void> {
  await shot(page, name);
  expect(await horizontalOverflow(page), `${name} scrolls sideways`).to.equal(0);
}

/** Picks the first option whose label contains the text, once the select has loaded from the API. */
async function chooseOption(page: Page, label: string, text: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  await select.waitFor();
  await page.waitForFunction((el) => (el as HTMLSelectElement).options.length > 1 && !(el as HTMLSelectElement).disabled, await select.elementHandle());
  const options = await select.locator('option').evaluateAll((els) => els.map((el) => ({ value: (el as HTMLOptionElement).value, label: el.textContent ?? '' })));
  const choice = options.find((o) => o.value && o.label.includes(text));
  if (!choice) throw new Error(`no option containing "${text}" in ${label}`);
  await select.selectOption(choice.value);
}

async function track(page: Page, reference: string, accessCode: string): Promise<void> {
  await page.getByLabel('Reference', { exact: true }).fill(reference);
  await page.getByLabel('Access code', { exact: true }).fill(accessCode);
  await page.getByRole('button', { name: 'Track tip' }).click();
  await page.getByRole('heading', { name: 'Messages with the police' }).waitFor();
}

describe('web: an anonymous tipster submits, writes down the code, tracks the tip and answers the police (phone)', function () {
  this.timeout(120_000);
  // Budgets and the proof-of-work on, as in production: the widget solves the real challenge.
  const served = servedApp({ locale: 'en-US' }, { rateLimits: true });

  it('keeps the tipster anonymous from submission to answering a question', async () => {
    const { page } = served.browser;
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const authorized: string[] = [];
    const proofs: string[] = [];
    page.on('request', (req) => {
      if (req.url().includes('/api/') && req.headers().authorization) authorized.push(req.url());
      if (req.method() === 'POST' && req.url().endsWith('/api/tips')) proofs.push(req.headers()['x-altcha'] ?? '');
    });

    await page.goto(`${served.server.url}/report`);
    await page.getByLabel('Description', { exact: true }).waitFor();
    const anonymous = page.getByLabel('Submit anonymously', { exact: true });
    if (!(await anonymous.isChecked())) await anonymous.check();
    await chooseOption(page, 'Category', 'Drug');
    const description = 'A man sells small packets from a grey van behind the night market every evening around ten.';
    await page.getByLabel('Description', { exact: true }).fill(description);
    const when = await page.evaluate(() => {
      const d = new Date(Date.now() - 3 * 3600_000);
      d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
      return d.toISOString().slice(0, 16);
    });
    await page.getByLabel('When did it happen', { exact: true }).fill(when);
    await page.getByLabel('Location', { exact: true }).fill('Night market, Xianfeng Road, Yanfeng');
    await chooseOption(page, 'District', 'Yanfeng');
    // The anti-spam widget (loaded only now) solves the district's challenge by itself.
    await page.getByText('Anti-spam check', { exact: true }).waitFor();
    await page.getByText('Verified', { exact: true }).waitFor({ timeout: 60_000 });
    await checkLayout(page, 'anonymous-1-report');
    await page.getByRole('button', { name: 'Submit tip' }).click();

    // The code is shown once, with a "write this down" step before anything else is offered.
    await page.getByRole('heading', { name: 'Write this down' }).waitFor();
    const reference = (await page.getByText(/^HY-\d{8}-\d{4,}$/).textContent())!.trim();
    const accessCode = (await page.getByText(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/).textContent())!.trim();
    expect(await page.getByRole('link', { name: 'Track my tip' }).count()).to.equal(0);
    await checkLayout(page, 'anonymous-2-write-down');
    await page.getByRole('button', { name: "I've written it down" }).click();

    const [row] = await db().select().from(tips).where(eq(tips.reference, reference));
    expect(row).to.include({ reporterId: null, isAnonymous: true });
    // One submission, carrying the solved challenge of the chosen district (雁峰区, id 1).
    expect(proofs).to.have.length(1);
    const proof = JSON.parse(Buffer.from(proofs[0], 'base64').toString('utf8')) as { challenge: { parameters: { data: { districtId: number } } } };
    expect(proof.challenge.parameters.data.districtId).to.equal(row.districtId);

    await page.getByRole('link', { name: 'Track my tip' }).click();
    await page.getByRole('heading', { name: 'Track my tip' }).waitFor();
    expect(await page.getByText(/110/).first().isVisible()).to.equal(true);
    await checkLayout(page, 'anonymous-3-track-form');

    // A wrong code gets the same answer as an unknown reference.
    await page.getByLabel('Reference', { exact: true }).fill(reference);
    await page.getByLabel('Access code', { exact: true }).fill(accessCode.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')));
    await page.getByRole('button', { name: 'Track tip' }).click();
    await page.getByText('No tip matches this reference and access code').waitFor();
    await checkLayout(page, 'anonymous-4-wrong-code');

    await track(page, reference, accessCode.toLowerCase());
    await page.getByText('No messages yet.').waitFor();
    await checkLayout(page, 'anonymous-5-tracked');

    // The police ask a question through the API, as their desk would.
    const officer = await createUser({ role: 'officer', districtId: 1 });
    const question = 'Which way did the van leave? Did you see the plate?';
    await api().post(`/api/tips/${row.id}/messages`).set(officer.auth).send({ body: question }).expect(201);

    await page.getByRole('button', { name: 'Done — clear this page' }).click();
    expect(await page.getByLabel('Access code', { exact: true }).inputValue()).to.equal('');
    await track(page, reference, accessCode);
    await page.getByText(question).waitFor();
    expect(await page.getByText('1 new').isVisible()).to.equal(true);
    expect(await page.getByText('Police', { exact: true }).first().isVisible()).to.equal(true);

    const answer = 'Towards Jiefang Road. Plate starts with 湘D, the rest was covered with mud.\n<b>not bold</b> is fine in prose? No: that is markup.';
    await page.getByLabel('Your message', { exact: true }).fill(answer);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Plain text only').waitFor();
    await checkLayout(page, 'anonymous-6-markup-refused');

    const plain = 'Towards Jiefang Road. Plate starts with 湘D, the rest was covered with mud.';
    await page.getByLabel('Your message', { exact: true }).fill(plain);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('li').filter({ hasText: plain }).waitFor();
    expect(await page.getByLabel('Your message', { exact: true }).inputValue()).to.equal('');
    await checkLayout(page, 'anonymous-7-answered');

    const police = await api().get(`/api/tips/${row.id}/messages`).set(officer.auth).expect(200);
    expect(police.body.messages.map((m: { from: string; body: string }) => [m.from, m.body])).to.deep.equal([
      ['police', question],
      ['tipster', plain],
    ]);

    // Nothing of the code stays on the device, and no request carried a session token.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    expect(stored).not.to.contain(accessCode);
    expect(page.url()).not.to.contain(accessCode);
    expect(authorized).to.deep.equal([]);
    expect(errors, 'page errors').to.deep.equal([]);
  });

  it('shows a registered volunteer the thread in My tips, in Chinese, with police only as 警方', async () => {
    const zh = await openBrowser({ locale: 'zh-CN' });
    try {
      const { page } = zh;
      const volunteer = await createUser({ role: 'volunteer', districtId: 1 });
      const officer = await createUser({ role: 'officer', districtId: 1 });
      const { tip } = await createTip(volunteer);
      await api().post(`/api/tips/${tip.id}/messages`).set(officer.auth).send({ body: '请问您还记得车辆的颜色吗？' }).expect(201);
      // Signed in as the app keeps a session (the refresh token is never needed in this short visit).
      await page.addInitScript((token) => localStorage.setItem('hy.auth', JSON.stringify({ accessToken: token, refreshToken: 'x'.repeat(40) })), volunteer.token);

      await page.goto(`${served.server.url}/my-tips/${tip.id}`);
      await page.getByRole('heading', { name: /与警方的对话/ }).waitFor();
      await page.getByText('请问您还记得车辆的颜色吗？').waitFor();
      expect(await page.getByText('警方', { exact: true }).first().isVisible()).to.equal(true);
      await page.getByLabel('您的消息', { exact: true }).fill('白色，车顶有行李架。');
      await page.getByRole('button', { name: '发送' }).click();
      await page.locator('li').filter({ hasText: '白色，车顶有行李架。' }).waitFor();
      await checkLayout(page, 'registered-thread-zh-CN');
      const thread = await api().get(`/api/tips/${tip.id}/messages`).set(officer.auth).expect(200);
      expect(thread.body.messages.at(-1)).to.include({ from: 'tipster', body: '白色，车顶有行李架。' });
    } finally {
      await zh.close();
    }
  });

  it('lets a supervisor ask the tipster a question and reveal a registered reporter only with a reason (desk)', async () => {
    const desk = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    try {
      const { page } = desk;
      const reporter = await createUser({ role: 'volunteer', districtId: 1, displayName: 'Quiet Neighbour' });
      await api().patch('/api/me').set(reporter.auth).send({ realName: '周敏', idNumber: '430407198806153018' }).expect(200);
      const supervisor = await createUser({ role: 'supervisor', districtId: 1 });
      const { tip } = await createTip(reporter);

      await page.goto(`${served.server.url}/police/tips/${tip.id}`);
      await page.getByLabel('Phone', { exact: true }).fill(supervisor.phone);
      await page.getByLabel('Password', { exact: true }).fill(supervisor.password);
      await page.locator('form').getByRole('button', { name: 'Sign in', exact: true }).click();

      await page.getByRole('heading', { name: 'Messages with the tipster' }).waitFor();
      const question = 'Could you tell us at what time the van usually arrives?';
      await page.getByLabel('Your message', { exact: true }).fill(question);
      await page.getByRole('button', { name: 'Send' }).click();
      await page.locator('li').filter({ hasText: question }).waitFor();
      const before = await page.locator('main').innerText();
      for (const secret of ['Quiet Neighbour', reporter.phone, '周敏', '430407198806153018']) expect(before).not.to.contain(secret);
      expect(await horizontalOverflow(page)).to.equal(0);
      await shot(page, 'police-thread');

      await page.getByRole('button', { name: 'Reveal reporter identity' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Reason', { exact: true }).fill('too short');
      await dialog.getByRole('button', { name: 'Reveal identity' }).click();
      await dialog.getByText('Write at least 10 characters.').waitFor();
      await shot(page, 'police-reveal-reason');
      const reason = 'The tipster is the only witness of an assault; we need a formal statement.';
      await dialog.getByLabel('Reason', { exact: true }).fill(reason);
      await dialog.getByRole('button', { name: 'Reveal identity' }).click();
      await dialog.getByText('Quiet Neighbour').waitFor();
      expect(await dialog.getByText(reporter.phone).isVisible()).to.equal(true);
      expect(await dialog.getByText('周敏').isVisible()).to.equal(true);
      await shot(page, 'police-reveal-identity');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await page.getByText('Earlier reveals: 1').waitFor();
      expect(await page.locator('main').innerText()).not.to.contain(reporter.phone);

      // The reporter is told, with the reason.
      const own = await api().get(`/api/tips/${tip.id}`).set(reporter.auth).expect(200);
      expect(own.body.tip.history.find((h: { kind: string }) => h.kind === 'reveal')).to.include({ note: reason });
    } finally {
      await desk.close();
    }
  });
});
