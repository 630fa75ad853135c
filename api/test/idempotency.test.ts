import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import { media, tips } from '../src/db/schema/index';
import { api, db } from './support/harness';
import { createUser, type TestUser } from './support/factories';
import { png } from './support/images';
import { tipsOfReporter, uploadedFiles } from './support/uploads';

const body = (overrides: Record<string, unknown> = {}) => ({
  category: 'public_order',
  description: '夜市每晚有人聚众斗殴，影响周边居民。',
  occurredAt: '2026-01-10T12:00:00.000Z',
  address: '蒸湘区解放大道',
  districtId: 4,
  ...overrides,
});

const post = (user: TestUser | null, key: string | undefined, payload: object) => {
  let req = api().post('/api/tips');
  if (user) req = req.set(user.auth);
  if (key !== undefined) req = req.set('Idempotency-Key', key);
  return req.send(payload);
};

describe('idempotency: retried tip submissions', () => {
  it('returns the same tip for a sequential retry and stores it once', async () => {
    const v = await createUser({ role: 'volunteer', districtId: 4 });
    const key = randomUUID();
    const first = await post(v, key, body()).expect(201);
    const retry = await post(v, key, body()).expect(201);
    expect(retry.body).to.deep.equal(first.body);
    expect(await tipsOfReporter(v.user.id)).to.have.length(1);
  });

  it('creates one tip for 10 concurrent requests with the same key, all answered with its id', async () => {
    const v = await createUser({ role: 'volunteer', districtId: 4 });
    const key = randomUUID();
    const files = uploadedFiles().length;
    const photo = await png();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => {
        let req = api().post('/api/tips').set(v.auth).set('Idempotency-Key', key);
        for (const [k, value] of Object.entries(body())) req = req.field(k, String(value));
        return req.attach('photos', photo, { filename: 'p.png', contentType: 'image/png' });
      }),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses).to.deep.equal(Array(10).fill(201));
    const ids = new Set(responses.map((r) => r.body.tip.id));
    expect(ids.size).to.equal(1);
    const rows = await tipsOfReporter(v.user.id);
    expect(rows).to.have.length(1);
    expect([...ids][0]).to.equal(rows[0].id);
    // One photo row and one file: the nine replays removed the copies they had written.
    expect(await db().select().from(media).where(eq(media.tipId, rows[0].id))).to.have.length(1);
    expect(uploadedFiles().length).to.equal(files + 1);
  });

  it('answers 422 when the same key comes back with a different body, and keeps the first tip', async () => {
    const v = await createUser({ role: 'volunteer', districtId: 4 });
    const key = randomUUID();
    const first = await post(v, key, body()).expect(201);
    const res = await post(v, key, body({ description: '完全不同的另一条线索内容在这里。' })).expect(422);
    expect(res.body.error.code).to.equal('IDEMPOTENCY_MISMATCH');
    const rows = await tipsOfReporter(v.user.id);
    expect(rows.map((r) => r.id)).to.deep.equal([first.body.tip.id]);
  });

  it('keeps keys per user: the same key from two volunteers files two tips', async () => {
    const [a, b] = [await createUser({ districtId: 4 }), await createUser({ districtId: 4 })];
    const key = randomUUID();
    const ra = await post(a, key, body()).expect(201);
    const rb = await post(b, key, body()).expect(201);
    expect(ra.body.tip.id).not.to.equal(rb.body.tip.id);
  });

  it('does not spend a key on a refused request: a corrected retry with it is filed', async () => {
    const v = await createUser({ districtId: 4 });
    const key = randomUUID();
    await post(v, key, body({ description: 'short' })).expect(400);
    await post(v, key, body()).expect(201);
    expect(await tipsOfReporter(v.user.id)).to.have.length(1);
  });

  it('replays an anonymous submission with the same access code', async () => {
    const key = `anon-${randomUUID()}`;
    const description = `匿名举报 ${key}：有人在学校门口兜售电子烟。`;
    const first = await post(null, key, body({ description })).expect(201);
    const retry = await post(null, key, body({ description })).expect(201);
    expect(retry.body.tip.id).to.equal(first.body.tip.id);
    expect(retry.body.accessCode).to.equal(first.body.accessCode);
    expect(await db().select().from(tips).where(eq(tips.description, description))).to.have.length(1);
  });

  it("never gives another anonymous client a tipster's access code: a guessable key is refused", async () => {
    // A key like this is what a second client could guess or share; the first tipster is refused,
    // so nothing is stored under it that a replay could return.
    const guessable = `tip-${Date.now()}`;
    const description = `匿名举报 ${randomUUID()}：车站旁有人兜售假证件。`;
    const first = await post(null, guessable, body({ description })).expect(400);
    expect(first.body.error.details[0].field).to.equal('Idempotency-Key');
    expect(first.body.accessCode).to.equal(undefined);
    const second = await post(null, guessable, body({ description })).expect(400);
    expect(second.body.accessCode).to.equal(undefined);
    expect(await db().select().from(tips).where(eq(tips.description, description))).to.have.length(0);
    // a volunteer's key is scoped to the account, so short keys stay fine there
    const v = await createUser({ districtId: 4 });
    await post(v, guessable, body({ description })).expect(201);
  });

  it("answers another client's different body under a tipster's key with 422 and no access code", async () => {
    const key = randomUUID();
    const first = await post(null, key, body({ description: `匿名举报 ${key}：桥下有人非法捕鱼。` })).expect(201);
    expect(first.body.accessCode).to.be.a('string');
    const other = await post(null, key, body({ description: `另一位 ${key}：桥下有人非法捕鱼。` })).expect(422);
    expect(JSON.stringify(other.body)).not.to.include(first.body.accessCode);
  });

  it('refuses a malformed Idempotency-Key with 400', async () => {
    const v = await createUser({ districtId: 4 });
    for (const key of ['short', 'has spaces in it', 'x'.repeat(129), '<script>alert(1)</script>']) {
      const res = await post(v, key, body()).expect(400);
      expect(res.body.error.details[0].field).to.equal('Idempotency-Key');
    }
    expect(await tipsOfReporter(v.user.id)).to.have.length(0);
  });

  it('files a new tip for each request without a key', async () => {
    const v = await createUser({ districtId: 4 });
    await post(v, undefined, body()).expect(201);
    await post(v, undefined, body()).expect(201);
    expect(await tipsOfReporter(v.user.id)).to.have.length(2);
  });
});
