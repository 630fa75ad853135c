import http from 'node:http';
import net from 'node:net';
import { expect } from 'chai';
import express from 'express';
import helmet from 'helmet';
import supertest from 'supertest';
import { createApp } from '../src/app';
import { helmetOptions } from '../src/http/security-headers';
import { createLogger } from '../src/lib/logger';
import { api, appWith, harness } from './support/harness';
import { startAppProcess, type AppProcess } from './support/app-process';
import { firstCommunity, nextPhone } from './support/factories';
import { noiseJpeg } from './support/images';
import { multipart, tipFields } from './support/uploads';

/** A JSON error in the contract's shape, with nothing of the server's insides. */
function expectErrorShape(res: supertest.Response, code: string): void {
  expect(res.headers['content-type']).to.match(/^application\/json/);
  expect(res.body.error.code).to.equal(code);
  expect(res.body.error.message).to.be.a('string').and.not.equal('');
  expect(res.text).not.to.match(/<html|<pre|\n\s+at |node_modules|\/src\//i);
}

describe('http: errors are always JSON in one shape', () => {
  it('answers invalid JSON with 400', async () => {
    const res = await api().post('/api/auth/login').set('Content-Type', 'application/json').send('{"phone": "1380000').expect(400);
    expectErrorShape(res, 'BAD_REQUEST');
  });

  it('answers a JSON body over 64 KB with 413', async () => {
    const res = await api()
      .post('/api/auth/login')
      .send({ phone: '13800000001', password: 'x'.repeat(70 * 1024) })
      .expect(413);
    expectErrorShape(res, 'PAYLOAD_TOO_LARGE');
  });

  it('answers an unsupported body charset with 415', async () => {
    const res = await api()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json; charset=klingon')
      .send('{}')
      .expect(415);
    expectErrorShape(res, 'UNSUPPORTED_MEDIA');
  });

  it('answers an unknown /api route with 404 JSON, whatever the method or Accept header', async () => {
    expectErrorShape(await api().get('/api/nope').expect(404), 'NOT_FOUND');
    expectErrorShape(await api().post('/api/tips/mine/extra').send({}).expect(404), 'NOT_FOUND');
    expectErrorShape(await api().delete('/api/tips').expect(404), 'NOT_FOUND');
    expectErrorShape(await api().get('/api/nope').set('Accept', 'text/html').expect(404), 'NOT_FOUND');
  });

  it('answers an unknown non-API path asked for as JSON with 404 JSON', async () => {
    expectErrorShape(await api().get('/no/such/thing.json').set('Accept', 'application/json').expect(404), 'NOT_FOUND');
  });

  it('names each bad field in validation errors', async () => {
    const res = await api().post('/api/auth/register').send({ phone: 'x', password: 'y', extra: 1 }).expect(400);
    expectErrorShape(res, 'VALIDATION');
    const fields = res.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).to.include.members(['phone', 'password', 'displayName', 'communityId', 'extra']);
  });
});

describe('http: headers, request ids and health', () => {
  it('sends helmet security headers and no X-Powered-By', async () => {
    const res = await api().get('/api/categories').expect(200);
    expect(res.headers['x-content-type-options']).to.equal('nosniff');
    expect(res.headers['x-frame-options']).to.equal('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).to.match(/max-age=\d+/);
    expect(res.headers['referrer-policy']).to.equal('no-referrer');
    expect(res.headers['content-security-policy']).to.include("default-src 'self'").and.include("frame-ancestors 'none'");
    expect(res.headers).not.to.have.property('x-powered-by');
  });

  it('compresses a large read for a client that accepts gzip, and leaves write answers (small objects) alone', async () => {
    const list = await api().get('/api/districts/1/communities').set('Accept-Encoding', 'gzip').expect(200);
    expect(list.headers['content-encoding']).to.equal('gzip');
    expect(list.body.communities.length).to.be.above(20);
    // A write's answer above the 1 kB threshold: a refusal naming 60 unknown fields.
    const unknown = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`unknownField${i}`, i]));
    const refused = await api().post('/api/tips').set('Accept-Encoding', 'gzip').send(unknown).expect(400);
    expect(refused.text.length).to.be.above(1024);
    expect(refused.headers).not.to.have.property('content-encoding');
  });

  it('sends exactly the security headers helmet itself sends with the same options (recorded once, set in one step)', async () => {
    const plain = express();
    plain.disable('x-powered-by');
    plain.use(helmet(helmetOptions(harness().config.mapTiles.url)));
    plain.get('/api/categories', (_req, res) => void res.json({}));
    const expected = (await supertest(plain).get('/api/categories').expect(200)).headers;
    const transport = new Set(['date', 'connection', 'keep-alive', 'content-length', 'content-type', 'etag']);
    const helmetHeaders = Object.keys(expected).filter((h) => !transport.has(h));
    expect(helmetHeaders).to.include.members(['content-security-policy', 'strict-transport-security', 'x-frame-options', 'cross-origin-opener-policy']);
    for (const path of ['/api/categories', '/api/no-such-thing', '/healthz']) {
      const res = await api().get(path);
      for (const h of helmetHeaders) expect(res.headers[h], `${h} on ${path}`).to.equal(expected[h]);
    }
  });

  it('never lets caches keep personal API answers', async () => {
    const u = await api()
      .post('/api/auth/register')
      .send({ phone: nextPhone(), password: 'Quiet-river-42', displayName: '缓存测试', communityId: (await firstCommunity(1)).id })
      .expect(201);
    expect(u.headers['cache-control']).to.equal('no-store');
    const me = await api().get('/api/me').set('Authorization', `Bearer ${u.body.accessToken}`).expect(200);
    expect(me.headers['cache-control']).to.equal('no-store');
  });

  it('echoes a well-formed X-Request-Id and makes one up otherwise', async () => {
    const given = 'req-0123456789abcdef';
    expect((await api().get('/healthz').set('X-Request-Id', given)).headers['x-request-id']).to.equal(given);
    const made = (await api().get('/api/nope').set('X-Request-Id', 'bad id; drop table')).headers['x-request-id'];
    expect(made).to.match(/^[0-9a-f-]{36}$/);
    expect((await api().get('/healthz')).headers['x-request-id']).to.match(/^[0-9a-f-]{36}$/);
  });

  it('answers /healthz and /readyz', async () => {
    expect((await api().get('/healthz').expect(200)).body).to.deep.equal({ status: 'ok' });
    expect((await api().get('/readyz').expect(200)).body).to.deep.equal({ status: 'ready' });
  });

  it('answers /readyz with 503 and Retry-After when the database does not answer', async () => {
    const app = createApp({
      config: harness().config,
      log: createLogger('silent'),
      ping: () => Promise.reject(new Error('connection refused')),
    });
    const res = await supertest(app).get('/readyz').expect(503);
    expectErrorShape(res, 'UNAVAILABLE');
    expect(res.headers['retry-after']).to.match(/^\d+$/);
    // liveness does not depend on the database
    await supertest(app).get('/healthz').expect(200);
  });
});

describe('http: rate limits on sign-in and registration', () => {
  it('answers the 4th login within the window with 429, Retry-After and the error shape', async () => {
    const app = appWith({ rateLimits: true, authRateLimit: 3 });
    for (let i = 0; i < 3; i++) await supertest(app).post('/api/auth/login').send({ phone: nextPhone(), password: 'wrong-password' }).expect(401);
    const res = await supertest(app).post('/api/auth/login').send({ phone: nextPhone(), password: 'wrong-password' }).expect(429);
    expectErrorShape(res, 'RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).to.be.within(1, 15 * 60);
  });

  it('answers the 4th registration within the window with 429 and registers nobody', async () => {
    const app = appWith({ rateLimits: true, authRateLimit: 3 });
    const community = await firstCommunity(1);
    const attempt = (phone: string) =>
      supertest(app).post('/api/auth/register').send({ phone, password: 'Quiet-river-42', displayName: '限流测试', communityId: community.id });
    for (let i = 0; i < 3; i++) await attempt(nextPhone()).expect(201);
    const phone = nextPhone();
    const res = await attempt(phone).expect(429);
    expectErrorShape(res, 'RATE_LIMITED');
    expect(res.headers['retry-after']).to.match(/^\d+$/);
    await supertest(app).post('/api/auth/login').send({ phone, password: 'Quiet-river-42' }).expect(401);
  });

  it('counts concurrent attempts too', async () => {
    const app = appWith({ rateLimits: true, authRateLimit: 3 });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => supertest(app).post('/api/auth/login').send({ phone: nextPhone(), password: 'wrong-password' })),
    );
    expect(results.filter((r) => r.status === 429)).to.have.length(5);
  });
});

describe('http: logs', () => {
  it('log each request with its id but never a password, phone number or token', async () => {
    const phone = nextPhone();
    const password = 'Log-leak-canary-9137';
    const community = await firstCommunity(1);
    const requestId = `log-test-${Date.now()}`;
    const reg = await api()
      .post('/api/auth/register')
      .set('X-Request-Id', requestId)
      .send({ phone, password, displayName: '日志测试', communityId: community.id })
      .expect(201);
    await api().post('/api/auth/login').send({ phone, password: `${password}-wrong` }).expect(401);
    const login = await api().post('/api/auth/login').send({ phone, password }).expect(200);
    const refreshed = await api().post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(200);
    await api().post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401);
    await api().get(`/api/me?phone=${phone}&token=${refreshed.body.accessToken}`).set('Authorization', `Bearer ${refreshed.body.accessToken}`).expect(200);
    await api().post('/api/auth/register').send({ phone, password, displayName: '日志测试', communityId: community.id }).expect(409);
    await api().post('/api/auth/register').send({ phone: `x${phone}`, password }).expect(400);
    await api().post('/api/tips').set('Authorization', `Bearer ${reg.body.accessToken}`).send({ description: phone }).expect(400);

    const log = harness().logLines.join('\n');
    const secrets = [phone, password, reg.body.accessToken, reg.body.refreshToken, login.body.accessToken, login.body.refreshToken, refreshed.body.refreshToken];
    for (const secret of secrets) expect(log).not.to.include(secret);
    expect(log).not.to.include(phone.slice(3));

    const entries = harness().logLines.map((l) => JSON.parse(l) as { req?: { id?: string; path?: string }; res?: { statusCode?: number } });
    const mine = entries.find((e) => e.req?.id === requestId);
    expect(mine, 'a log line for the registration').to.not.equal(undefined);
    expect(mine!.req!.path).to.equal('/api/auth/register');
    expect(mine!.res!.statusCode).to.equal(201);
  });
});

const connect = (port: number) =>
  new Promise<void>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve();
    });
    socket.on('error', reject);
  });

describe('http: graceful shutdown of the real process', function () {
  this.timeout(180_000);
  let app: AppProcess;

  // Anonymous uploads without the proof-of-work (startAppProcess turns rate limits off): this
  // test is about shutdown, not budgets.
  before(async () => {
    app = await startAppProcess({ env: { SHUTDOWN_TIMEOUT_MS: '20000' } });
  });

  after(async () => {
    await app.stop();
  });

  it('finishes an upload in flight on SIGTERM, refuses new connections, then exits 0', async () => {
    const { port, child, output, exited } = app;
    await connect(port);
    const form = multipart([...tipFields(), { name: 'photos', filename: 'big.jpg', type: 'image/jpeg', data: await noiseJpeg(1000, 1000) }]);
    const agent = new http.Agent({ keepAlive: true });
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        path: '/api/tips',
        method: 'POST',
        agent,
        // The body follows the server's 100 Continue: the request is then in flight on the server
        // (headers read), which is the case under test; bytes the server has not yet read belong
        // to a connection that is still idle in its eyes, which shutdown may close.
        headers: { 'Content-Type': form.contentType, 'Content-Length': String(form.body.length), Expect: '100-continue' },
      });
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      // Stream the form slowly: about 2 s in 40 chunks, with SIGTERM sent after the first few.
      const chunk = Math.ceil(form.body.length / 40);
      let offset = 0;
      let sent = 0;
      const pump = () => {
        if (offset >= form.body.length) return req.end();
        req.write(form.body.subarray(offset, offset + chunk));
        offset += chunk;
        if (++sent === 5) child.kill('SIGTERM');
        setTimeout(pump, 50);
      };
      req.on('continue', pump);
      req.flushHeaders();
    });

    // Once the signal has been handled, the listening socket is closed.
    const deadline = Date.now() + 10_000;
    while (!/shutting down/.test(output())) {
      if (Date.now() > deadline) throw new Error(`no shutdown log:\n${output()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    let refused: unknown;
    try {
      await connect(port);
    } catch (err) {
      refused = err;
    }
    expect((refused as NodeJS.ErrnoException | undefined)?.code).to.equal('ECONNREFUSED');

    const { status, body } = await response;
    expect(status, body).to.equal(201);
    expect(JSON.parse(body).tip.media).to.have.length(1);
    const started = Date.now();
    const { code } = await exited;
    agent.destroy();
    expect(code, output()).to.equal(0);
    // A kept-alive idle connection must not hold the shutdown until the keep-alive timeout.
    expect(Date.now() - started).to.be.below(3000);
    expect(output()).to.match(/"msg":"stopped"/);
  });
});
