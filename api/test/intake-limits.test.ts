import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import supertest from 'supertest';
import { loadConfig, type Config } from '../src/config';
import { createApp } from '../src/app';
import { tips } from '../src/db/schema/index';
import { createLogger } from '../src/lib/logger';
import { clock } from '../src/lib/clock';
import { encodeProof, fetchChallenge, solve, solvedProof } from './support/altcha';
import { createTip, createUser, nextPhone, PASSWORD, validTipInput } from './support/factories';
import { api, appWith, db, harness } from './support/harness';

/** Easy challenges keep the suite fast; the rules are the same at any difficulty. */
const limitsOn = (overrides: Partial<Config> = {}) =>
  appWith({ rateLimits: true, ...overrides, altcha: { ...harness().config.altcha, maxNumber: 2000, ...overrides.altcha } });

const tipBody = (overrides: Parameters<typeof validTipInput>[0] = {}) => {
  const input = validTipInput({ description: `匿名举报 ${randomUUID()}：夜市后面的灰色面包车。`, ...overrides });
  return { ...input, occurredAt: input.occurredAt.toISOString() };
};
const from = (ip: string) => ({ 'X-Forwarded-For': ip });
const tipsWith = async (description: string) => db().select().from(tips).where(eq(tips.description, description));

/** An anonymous submission with a freshly solved challenge for its district. */
async function anonymousTip(app: ReturnType<typeof limitsOn>, ip: string, overrides: Parameters<typeof validTipInput>[0] = {}) {
  const body = tipBody(overrides);
  const { header } = await solvedProof(app, body.districtId);
  return supertest(app).post('/api/tips').set(from(ip)).set('X-Altcha', header).send(body);
}

describe('intake: anonymous tips are budgeted per client and per network, and need a proof of work', () => {
  it('refuses an anonymous tip without a solved challenge, writing nothing', async () => {
    const app = limitsOn();
    const body = tipBody({ districtId: 2 });
    const res = await supertest(app).post('/api/tips').set(from('203.0.113.201')).send(body).expect(400);
    expect(res.body.error.details[0].field).to.equal('X-Altcha');
    await supertest(app).post('/api/tips').set(from('203.0.113.201')).set('X-Altcha', 'bm90IGEgcHJvb2Y=').send(body).expect(400);
    expect(await tipsWith(body.description)).to.have.length(0);
  });

  it('answers 429 with Retry-After once one client has sent its budget of anonymous tips (flood)', async () => {
    const app = limitsOn({ anonTipLimit: 3 });
    for (let i = 0; i < 3; i++) expect((await anonymousTip(app, '203.0.113.10', { districtId: 2 })).status).to.equal(201);
    const body = tipBody({ districtId: 2 });
    const { header } = await solvedProof(app, 2);
    const res = await supertest(app).post('/api/tips').set(from('203.0.113.10')).set('X-Altcha', header).send(body).expect(429);
    expect(res.body.error.code).to.equal('RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).to.be.within(1, 10 * 60);
    expect(await tipsWith(body.description)).to.have.length(0);
    // another client is unaffected, and so is the budget of another app instance's clients
    expect((await anonymousTip(app, '198.51.100.10', { districtId: 2 })).status).to.equal(201);
  });

  it('limits a network (/24, /64) whose clients rotate addresses', async () => {
    const app = limitsOn({ anonTipLimit: 100, anonTipNetworkLimit: 3 });
    // a neighbour's junk (no proof) does not use up the network's budget
    for (let i = 0; i < 5; i++) await supertest(app).post('/api/tips').set(from('203.0.113.20')).send(tipBody({ districtId: 3 })).expect(400);
    for (const ip of ['203.0.113.21', '203.0.113.22', '203.0.113.23']) expect((await anonymousTip(app, ip, { districtId: 3 })).status).to.equal(201);
    expect((await anonymousTip(app, '203.0.113.24', { districtId: 3 })).status).to.equal(429);
    expect((await anonymousTip(app, '203.0.114.24', { districtId: 3 })).status).to.equal(201);
    for (const ip of ['2001:db8:1:1::1', '2001:db8:1:1::2', '2001:db8:1:1:abcd::3']) expect((await anonymousTip(app, ip, { districtId: 3 })).status).to.equal(201);
    expect((await anonymousTip(app, '2001:db8:1:1:ffff::9', { districtId: 3 })).status).to.equal(429);
    expect((await anonymousTip(app, '2001:db8:1:2::1', { districtId: 3 })).status).to.equal(201);
  });

  it('gives signed-in volunteers a budget per account, untouched by the anonymous traffic of their address', async () => {
    const app = limitsOn({ anonTipLimit: 1, tipAccountLimit: 2 });
    const [a, b] = await Promise.all([createUser({ districtId: 2 }), createUser({ districtId: 2 })]);
    const ip = '203.0.113.30';
    expect((await anonymousTip(app, ip, { districtId: 2 })).status).to.equal(201);
    expect((await anonymousTip(app, ip, { districtId: 2 })).status).to.equal(429);
    const post = (v: typeof a) => supertest(app).post('/api/tips').set(from(ip)).set(v.auth).send(tipBody({ districtId: 2 }));
    expect((await post(a)).status).to.equal(201);
    expect((await post(a)).status).to.equal(201);
    const over = await post(a);
    expect(over.status).to.equal(429);
    expect(over.headers['retry-after']).to.match(/^\d+$/);
    expect((await post(b)).status).to.equal(201);
  });

  it('accepts a proof once; a retry of the same submission (same Idempotency-Key) replays the one tip', async () => {
    const app = limitsOn();
    const body = tipBody({ districtId: 4 });
    const { header } = await solvedProof(app, 4);
    const key = randomUUID();
    const post = (b: object, k?: string) => {
      const req = supertest(app).post('/api/tips').set(from('203.0.113.40')).set('X-Altcha', header);
      return (k ? req.set('Idempotency-Key', k) : req).send(b);
    };
    const first = await post(body, key).expect(201);
    const retry = await post(body, key).expect(201);
    expect(retry.body.tip.id).to.equal(first.body.tip.id);
    expect(retry.body.accessCode).to.equal(first.body.accessCode);
    const other = tipBody({ districtId: 4 });
    const replayed = await post(other).expect(400);
    expect(replayed.body.error.message).to.match(/already used/);
    await post(other, randomUUID()).expect(400);
    expect(await tipsWith(other.description)).to.have.length(0);
    expect(await tipsWith(body.description)).to.have.length(1);
  });

  it('refuses an expired, tampered or other-district proof', async () => {
    const app = limitsOn();
    const post = (header: string, districtId: number) =>
      supertest(app).post('/api/tips').set(from('203.0.113.50')).set('X-Altcha', header).send(tipBody({ districtId }));

    const forFive = await solvedProof(app, 5);
    expect((await post(forFive.header, 6).expect(400)).body.error.message).to.match(/another district/);

    const challenge = await fetchChallenge(app, 5);
    const solution = await solve(challenge);
    const tampered = { ...challenge, parameters: { ...challenge.parameters, data: { ...challenge.parameters.data, districtId: 6 } } };
    await post(encodeProof(tampered, solution), 6).expect(400);
    const forged = solution.derivedKey.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    await post(encodeProof(challenge, { ...solution, derivedKey: forged }), 5).expect(400);

    const late = await solvedProof(app, 5);
    clock.advance(11 * 60_000);
    expect((await post(late.header, 5).expect(400)).body.error.message).to.match(/expired/);
    clock.reset();
    await post(encodeProof(challenge, solution), 5).expect(201);
  });

  it('raises the difficulty while the anonymous submissions of a district spike', async () => {
    const base = 2000;
    const app = limitsOn({ altcha: { ...harness().config.altcha, maxNumber: base, spikeThreshold: 3 } });
    const maxNumber = async (districtId?: number) => (await fetchChallenge(app, districtId)).parameters.data!.maxNumber;
    expect(await maxNumber(7)).to.equal(base);
    for (let i = 0; i < 3; i++) expect((await anonymousTip(app, `203.0.113.${60 + i}`, { districtId: 7 })).status).to.equal(201);
    expect(await maxNumber(7)).to.equal(10 * base);
    expect(await maxNumber(8)).to.equal(base);
    // a challenge asked for without a district is as hard as the hardest district
    expect(await maxNumber()).to.equal(10 * base);
    // and the browser-side work grows with it: the solution counts up to the hidden counter
    const hard = await fetchChallenge(app, 7);
    expect((await solve(hard)).counter).to.be.at.least(base);
    clock.advance(20 * 60_000);
    expect(await maxNumber(7)).to.equal(base);
  });

  it('turns every budget and the proof-of-work off with RATE_LIMITS=off (and only then)', async () => {
    expect(loadConfig({ DATA_DIR: harness().config.dataDir }).rateLimits).to.equal(true);
    expect(loadConfig({ DATA_DIR: harness().config.dataDir, RATE_LIMITS: 'off' }).rateLimits).to.equal(false);
    expect(() => loadConfig({ DATA_DIR: harness().config.dataDir, RATE_LIMITS: 'no' })).to.throw(/RATE_LIMITS/);
    // the shared test app runs with RATE_LIMITS=off
    for (let i = 0; i < 8; i++) await api().post('/api/tips').set(from('203.0.113.70')).send(tipBody()).expect(201);
  });
});

describe('intake: messages are budgeted', () => {
  it('limits anonymous track messages per client and per network', async () => {
    const app = supertest(limitsOn({ messageLimit: 2, messageNetworkLimit: 3 }));
    const created = await createTip(null);
    const pair = { reference: created.tip.reference, accessCode: created.accessCode! };
    const send = (ip: string) => app.post('/api/tips/track/messages').set(from(ip)).send({ ...pair, body: `补充 ${randomUUID()}` });
    expect((await send('203.0.113.80')).status).to.equal(201);
    expect((await send('203.0.113.80')).status).to.equal(201);
    const over = await send('203.0.113.80');
    expect(over.status).to.equal(429);
    expect(over.headers['retry-after']).to.match(/^\d+$/);
    expect((await send('203.0.113.81')).status).to.equal(201);
    expect((await send('203.0.113.82')).status).to.equal(429); // the /24 has sent 3
    expect((await send('198.51.100.82')).status).to.equal(201);
  });

  it("limits a volunteer's messages per account, not police answering threads", async () => {
    const app = supertest(limitsOn({ messageLimit: 2 }));
    const v = await createUser({ districtId: 1 });
    const officer = await createUser({ role: 'officer', districtId: 1 });
    const created = await createTip(v);
    const send = (u: typeof v) => app.post(`/api/tips/${created.tip.id}/messages`).set(u.auth).send({ body: `消息 ${randomUUID()}` });
    expect((await send(v)).status).to.equal(201);
    expect((await send(v)).status).to.equal(201);
    expect((await send(v)).status).to.equal(429);
    for (let i = 0; i < 4; i++) expect((await send(officer)).status).to.equal(201);
  });
});

describe('auth: sign-in and refresh budgets', () => {
  it('limits wrong passwords per account, whatever the address (25 addresses against one phone)', async () => {
    const app = supertest(limitsOn({ loginAccountLimit: 10, authRateLimit: 100 }));
    const v = await createUser({ districtId: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await app.post('/api/auth/login').set(from(`198.51.100.${100 + i}`)).send({ phone: v.phone, password: 'not-the-password' });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).to.equal(true);
    expect(statuses.slice(10).every((s) => s === 429)).to.equal(true);
    // spellings of the same phone share the account's budget
    await app.post('/api/auth/login').set(from('198.51.100.200')).send({ phone: `+86 ${v.phone}`, password: 'not-the-password' }).expect(429);
    // another account is unaffected
    const w = await createUser({ districtId: 1 });
    await app.post('/api/auth/login').set(from('198.51.100.201')).send({ phone: w.phone, password: PASSWORD }).expect(200);
  });

  it('never locks out a police station behind one NAT: only failures count per address', async () => {
    const app = supertest(limitsOn({ authRateLimit: 3, loginAccountLimit: 100 }));
    const officers = await Promise.all(Array.from({ length: 4 }, () => createUser({ role: 'officer', districtId: 1 })));
    const nat = from('203.0.113.90');
    for (let round = 0; round < 3; round++)
      for (const o of officers) await app.post('/api/auth/login').set(nat).send({ phone: o.phone, password: PASSWORD }).expect(200);
    for (let i = 0; i < 3; i++) await app.post('/api/auth/login').set(nat).send({ phone: nextPhone(), password: 'wrong-password' }).expect(401);
    await app.post('/api/auth/login').set(nat).send({ phone: nextPhone(), password: 'wrong-password' }).expect(429);
  });

  it('gives refresh its own budget: a sign-in lockout does not stop refreshing, and refresh floods get 429', async () => {
    const app = supertest(limitsOn({ authRateLimit: 2, refreshRateLimit: 3 }));
    const v = await createUser({ districtId: 1 });
    const ip = from('203.0.113.95');
    let { refreshToken } = (await app.post('/api/auth/login').set(ip).send({ phone: v.phone, password: PASSWORD }).expect(200)).body;
    for (let i = 0; i < 2; i++) await app.post('/api/auth/login').set(ip).send({ phone: nextPhone(), password: 'wrong-password' }).expect(401);
    await app.post('/api/auth/login').set(ip).send({ phone: nextPhone(), password: 'wrong-password' }).expect(429);
    for (let i = 0; i < 3; i++) refreshToken = (await app.post('/api/auth/refresh').set(ip).send({ refreshToken }).expect(200)).body.refreshToken;
    const res = await app.post('/api/auth/refresh').set(ip).send({ refreshToken }).expect(429);
    expect(res.headers['retry-after']).to.match(/^\d+$/);
  });
});

describe('http: TRUST_PROXY as a hop count', () => {
  it('reads TRUST_PROXY=1 as one hop, so X-Forwarded-For names the client and each client has its own budget', async () => {
    const config = loadConfig({ ...process.env, DATA_DIR: harness().config.dataDir, TRUST_PROXY: '1', RATE_LIMITS: 'on', AUTH_RATE_LIMIT: '2' });
    expect(config.trustProxy).to.equal(1);
    expect(loadConfig({ DATA_DIR: harness().config.dataDir, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).to.equal('loopback, 10.0.0.0/8');
    const app = supertest(createApp({ config: { ...harness().config, trustProxy: config.trustProxy, rateLimits: true, authRateLimit: 2 }, log: createLogger('silent'), ping: () => harness().database.ping() }));
    const fail = (xff: string) => app.post('/api/auth/login').set('X-Forwarded-For', xff).send({ phone: nextPhone(), password: 'wrong-password' });
    expect((await fail('203.0.113.110')).status).to.equal(401);
    expect((await fail('203.0.113.110')).status).to.equal(401);
    expect((await fail('203.0.113.110')).status).to.equal(429);
    // a client cannot escape by prepending a made-up hop: the proxy's entry is the last one
    expect((await fail('192.0.2.1, 203.0.113.110')).status).to.equal(429);
    expect((await fail('203.0.113.111')).status).to.equal(401);
  });
});
