import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { Redis } from 'ioredis';
import supertest from 'supertest';
import { closeRateLimitStore, configureRateLimitStore } from '../src/http/rate-limit';
import { appWith } from './support/harness';
import { nextPhone } from './support/factories';
import { REDIS_URL, redisReachable as reachable } from './support/redis';

describe('http: rate limits shared through Redis (REDIS_URL)', () => {
  const prefix = `rl-test-${randomBytes(4).toString('hex')}`;

  before(async function () {
    // .ci/run installs and starts the machine's Redis: there (CI=true) a missing Redis fails the
    // run; on a developer's machine without one these tests are skipped.
    if (!(await reachable(REDIS_URL))) {
      if (process.env.CI === 'true') throw new Error(`Redis is not reachable at ${REDIS_URL} (CI=true: .ci/run must start it)`);
      this.skip();
    }
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
});
