import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { Redis } from 'ioredis';
import supertest from 'supertest';
import { closeRateLimitStore, configureRateLimitStore } from '../src/http/rate-limit';
import { appWith, harness } from './support/harness';
import { requireService } from './support/services';
import { createTip, nextPhone, validTipInput } from './support/factories';
import { fetchChallenge, solvedProof } from './support/altcha';
import { REDIS_URL, redisReachable as reachable } from './support/redis';
import { delayAfter, FREE_FAILURES } from '../src/modules/tracking/tracking-delay';
import type { Config } from '../src/config';

const limitsOn = (overrides: Partial<Config> = {}) =>
  appWith({ rateLimits: true, ...overrides, altcha: { ...harness().config.altcha, maxNumber: 2000, ...overrides.altcha } });
const tipBody = (districtId: number) => {
  const input = validTipInput({ districtId, description: `Redis 测试 ${randomBytes(6).toString('hex')}：路口有人非法营运。` });
  return { ...input, occurredAt: input.occurredAt.toISOString() };
};

describe('http: rate limits shared through Redis (REDIS_URL)', () => {
  const prefix = `rl-test-${randomBytes(4).toString('hex')}`;

  before(async function () {
    requireService(this, `Redis at ${REDIS_URL}`, await reachable(REDIS_URL));
    configureRateLimitStore(REDIS_URL, prefix);
  });

  after(async () => {
    await closeRateLimitStore();
    configureRateLimitStore(undefined);
  });

  it('counts sign-in attempts across two app instances and keeps the counters in Redis only for the window', async () => {
    const first = appWith({ rateLimits: true, authRateLimit: 3 });
    const second = appWith({ rateLimits: true, authRateLimit: 3 });
    const attempt = (app: typeof first) =>
      supertest(app).post('/api/auth/login').send({ phone: nextPhone(), password: 'wrong-password' });
    await attempt(first).expect(401);
    await attempt(second).expect(401);
    await attempt(first).expect(401);
    const res = await attempt(second).expect(429);
    expect(res.body.error.code).to.equal('RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).to.be.within(1, 15 * 60);

    const redis = new Redis(REDIS_URL);
    try {
      const keys = await redis.keys(`${prefix}:*`);
      expect(keys.length).to.be.greaterThan(0);
      for (const key of keys) {
        const ttl = await redis.pttl(key);
        expect(ttl, key).to.be.within(1, 15 * 60_000);
      }
      await redis.del(...keys);
    } finally {
      await redis.quit();
    }
  });

  it('spends a proof-of-work once across two app instances', async () => {
    const [first, second] = [limitsOn(), limitsOn()];
    const { header } = await solvedProof(first, 9);
    await supertest(first).post('/api/tips').set('X-Altcha', header).send(tipBody(9)).expect(201);
    const replay = await supertest(second).post('/api/tips').set('X-Altcha', header).send(tipBody(9)).expect(400);
    expect(replay.body.error.message).to.match(/already used/);
  });

  it("shares a district's anonymous rate (the difficulty) and a reference's tracking delay across instances", async () => {
    const settings = { ...harness().config.altcha, maxNumber: 2000, spikeThreshold: 2 };
    const [first, second] = [limitsOn({ altcha: settings }), limitsOn({ altcha: settings })];
    for (const app of [first, second]) {
      const { header } = await solvedProof(app, 10);
      await supertest(app).post('/api/tips').set('X-Altcha', header).send(tipBody(10)).expect(201);
    }
    expect((await fetchChallenge(first, 10)).parameters.data!.maxNumber).to.equal(20_000);

    const created = await createTip(null);
    const wrong = { reference: created.tip.reference, accessCode: `${created.accessCode![0] === 'A' ? 'B' : 'A'}${created.accessCode!.slice(1)}` };
    for (let i = 0; i < FREE_FAILURES; i++) await supertest(i % 2 ? first : second).post('/api/tips/track').send(wrong).expect(404);
    const gated = await supertest(first).post('/api/tips/track').send(wrong).expect(429);
    expect(Number(gated.headers['retry-after'])).to.equal(delayAfter(FREE_FAILURES) / 1000);
    await supertest(second).post('/api/tips/track').send({ ...wrong, accessCode: created.accessCode }).expect(200);
  });
});


describe('http: rate limits when Redis is down', () => {
  // Needs no Redis at all: it points the store at a port where nothing listens.
  after(async () => {
    await closeRateLimitStore();
    configureRateLimitStore(undefined);
  });

  it('lets people sign in when Redis is down instead of failing every request', async () => {
    configureRateLimitStore('redis://127.0.0.1:1', `rl-down-${randomBytes(4).toString('hex')}`);
    const app = appWith({ rateLimits: true, authRateLimit: 3 });
    const res = await supertest(app).post('/api/auth/login').send({ phone: nextPhone(), password: 'wrong-password' });
    expect(res.status).to.equal(401);
  });

  it('accepts an anonymous tip with a fresh proof when Redis is down (fail open)', async () => {
    configureRateLimitStore('redis://127.0.0.1:1', `rl-down-${randomBytes(4).toString('hex')}`);
    const app = limitsOn();
    const { header } = await solvedProof(app, 11);
    await supertest(app).post('/api/tips').set('X-Altcha', header).send(tipBody(11)).expect(201);
  });
});
