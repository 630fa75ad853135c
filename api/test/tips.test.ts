import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { Response } from 'supertest';
import { asc, eq, sql } from 'drizzle-orm';
import { media, tipHistory, tips } from '../src/db/schema/index';
import { keepTipReferenceSequences } from '../src/modules/tips/reference';
import { api, db, harness } from './support/harness';
import { createTip, createUser, type TestUser } from './support/factories';
import { jpegWithGps, png, webp } from './support/images';
import { multipart, tipFields, tipRowCounts } from './support/uploads';

const REFERENCE = /^HY-(\d{8})-(\d{4,})$/;

/** Today in Asia/Shanghai as YYYYMMDD, computed independently of the code under test. */
const shanghaiToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date())
    .replaceAll('-', '');

const jsonTip = (overrides: Record<string, unknown> = {}) => ({
  category: 'fraud',
  description: '有人冒充公检法打电话要求转账到安全账户。',
  occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
  lat: 26.9,
  lng: 112.6,
  address: '珠晖区东风路',
  districtId: 1,
  ...overrides,
});

describe('tips: submitting a tip', () => {
  let volunteer: TestUser;
  before(async () => {
    volunteer = await createUser({ role: 'volunteer', districtId: 1 });
  });

  it('stores a JSON tip with its reference, reporter, community and a "submitted" history entry', async () => {
    const res = await api().post('/api/tips').set(volunteer.auth).send(jsonTip()).expect(201);
    const tip = res.body.tip;
    expect(tip.reference).to.match(REFERENCE);
    expect(REFERENCE.exec(tip.reference)![1]).to.equal(shanghaiToday());
    expect(tip).to.include({ category: 'fraud', status: 'submitted', districtId: 1, isAnonymous: false, lat: 26.9, lng: 112.6 });
    expect(tip).not.to.have.property('accessCode');
    expect(res.body).not.to.have.property('accessCode');
    expect(tip.history).to.have.length(1);
    expect(tip.history[0]).to.include({ kind: 'status', toStatus: 'submitted', by: 'you' });
    expect(tip.media).to.deep.equal([]);

    const [row] = await db().select().from(tips).where(eq(tips.id, tip.id));
    expect(row).to.include({
      reporterId: volunteer.user.id,
      communityId: volunteer.user.communityId,
      isAnonymous: false,
      accessCodeHash: null,
      description: '有人冒充公检法打电话要求转账到安全账户。',
    });
    const history = await db().select().from(tipHistory).where(eq(tipHistory.tipId, tip.id));
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.isVisibleToReporter])).to.deep.equal([[null, 'submitted', true]]);
  });

  it('stores a multipart tip with JPEG, PNG and WebP photos as re-encoded files under server-made names', async () => {
    const photos = [await jpegWithGps(), await png(), await webp()];
    let req = api().post('/api/tips').set(volunteer.auth);
    for (const p of tipFields()) if ('value' in p) req = req.field(p.name, p.value);
    req = req
      .attach('photos', photos[0], { filename: 'IMG_0001.jpg', contentType: 'image/jpeg' })
      .attach('photos', photos[1], { filename: '../../etc/passwd.png', contentType: 'image/png' })
      .attach('photos', photos[2], { filename: 'c.webp', contentType: 'image/webp' });
    const res = await req.expect(201);
    expect(res.body.tip.media).to.have.length(3);
    expect(res.body.tip.media.map((m: { mimeType: string }) => m.mimeType)).to.deep.equal(['image/jpeg', 'image/jpeg', 'image/jpeg']);

    const rows = await db().select().from(media).where(eq(media.tipId, res.body.tip.id)).orderBy(asc(media.position));
    expect(rows.map((r) => r.position)).to.deep.equal([0, 1, 2]);
    for (const r of rows) {
      expect(r.storageKey).to.match(/^[0-9a-f]{2}\/[0-9a-f-]{36}\.jpg$/);
      const file = path.join(harness().config.uploadDir, r.storageKey);
      expect(existsSync(file), r.storageKey).to.equal(true);
      const bytes = readFileSync(file);
      expect(bytes.length).to.equal(r.bytes);
      expect(bytes.subarray(0, 3).toString('hex')).to.equal('ffd8ff');
    }
    expect([rows[1].width, rows[1].height]).to.deep.equal([40, 30]);
  });

  it('accepts an anonymous tip and returns a one-time access code, linking it to nobody', async () => {
    const res = await api().post('/api/tips').send(jsonTip()).expect(201);
    expect(res.body.accessCode).to.be.a('string').with.length.greaterThan(15);
    expect(res.body.tip.isAnonymous).to.equal(true);
    const [row] = await db().select().from(tips).where(eq(tips.id, res.body.tip.id));
    expect(row.reporterId).to.equal(null);
    expect(row.communityId).to.equal(null);
    expect(row.accessCodeHash).to.be.a('string').and.not.include(res.body.accessCode);
  });

  it('refuses tips from police and organizer accounts with 403', async () => {
    for (const role of ['officer', 'supervisor', 'organizer'] as const) {
      const u = await createUser({ role, districtId: 1 });
      const res = await api().post('/api/tips').set(u.auth).send(jsonTip()).expect(403);
      expect(res.body.error.code).to.equal('FORBIDDEN');
    }
  });

  it('answers 401 to a present but invalid token instead of filing the tip anonymously', async () => {
    const before = await tipRowCounts();
    await api().post('/api/tips').set('Authorization', 'Bearer not.a.token').send(jsonTip()).expect(401);
    expect(await tipRowCounts()).to.deep.equal(before);
  });

  it('refuses a body that is neither JSON nor multipart with 415', async () => {
    const res = await api().post('/api/tips').set(volunteer.auth).set('Content-Type', 'text/plain').send('hello').expect(415);
    expect(res.body.error.code).to.equal('UNSUPPORTED_MEDIA');
  });

  describe('validation', () => {
    const inFuture = new Date(Date.now() + 3600_000).toISOString();
    const cases: [string, Record<string, unknown>, string][] = [
      ['an unknown category', { category: 'jaywalking' }, 'category'],
      ['a missing category', { category: undefined }, 'category'],
      ['a description of 9 characters', { description: '一二三四五六七八九' }, 'description'],
      ['a description of spaces only', { description: '            ' }, 'description'],
      ['a description of 4001 characters', { description: 'x'.repeat(4001) }, 'description'],
      ['a description that is not a string', { description: 12345678901 }, 'description'],
      ['a time in the future', { occurredAt: inFuture }, 'occurredAt'],
      ['a time that is not a date', { occurredAt: 'yesterday-ish' }, 'occurredAt'],
      ['a missing time', { occurredAt: undefined }, 'occurredAt'],
      ['a latitude outside Hengyang', { lat: 39.9, lng: 116.4 }, 'lat'],
      ['a longitude outside Hengyang', { lng: 121.5 }, 'lng'],
      ['a latitude that is not a number', { lat: 'north' }, 'lat'],
      ['a latitude without a longitude', { lng: undefined }, 'lng'],
      ['a longitude without a latitude', { lat: undefined }, 'lat'],
      ['neither a location nor an address', { lat: undefined, lng: undefined, address: undefined }, 'address'],
      ['an address of 301 characters and no location', { lat: undefined, lng: undefined, address: 'a'.repeat(301) }, 'address'],
      ['a district that does not exist', { districtId: 99 }, 'districtId'],
      ['a district that is not an integer', { districtId: 1.5 }, 'districtId'],
      ['a missing district', { districtId: undefined }, 'districtId'],
      ['an unknown extra field', { reporterId: randomUUID() }, 'reporterId'],
      ['a status chosen by the reporter', { status: 'valid' }, 'status'],
    ];
    for (const [what, overrides, field] of cases) {
      it(`refuses ${what} with 400 naming ${field}`, async () => {
        const before = await tipRowCounts();
        const res = await api().post('/api/tips').set(volunteer.auth).send(jsonTip(overrides)).expect(400);
        expect(res.body.error.code).to.equal('VALIDATION');
        expect(res.body.error.details.map((d: { field: string }) => d.field)).to.include(field);
        expect(await tipRowCounts()).to.deep.equal(before);
      });
    }

    it('accepts an address without coordinates, and coordinates without an address', async () => {
      await api().post('/api/tips').set(volunteer.auth).send(jsonTip({ lat: undefined, lng: undefined })).expect(201);
      await api().post('/api/tips').set(volunteer.auth).send(jsonTip({ address: undefined })).expect(201);
    });

    it('accepts a description of exactly 10 and 4000 characters', async () => {
      await api().post('/api/tips').set(volunteer.auth).send(jsonTip({ description: '一二三四五六七八九十' })).expect(201);
      await api().post('/api/tips').set(volunteer.auth).send(jsonTip({ description: 'y'.repeat(4000) })).expect(201);
    });

    it('applies the same rules to multipart forms, where empty fields mean "not given"', async () => {
      const form = multipart(tipFields({ lat: '', lng: '', address: '', description: 'short' }));
      const res = await api().post('/api/tips').set(volunteer.auth).set('Content-Type', form.contentType).send(form.body).expect(400);
      const fields = res.body.error.details.map((d: { field: string }) => d.field);
      expect(fields).to.include.members(['description', 'address']);
    });

    it('refuses form fields that try to pollute prototypes, and pollutes nothing', async () => {
      for (const name of ['__proto__[polluted]', 'constructor[prototype][polluted]']) {
        const form = multipart([...tipFields(), { name, value: 'yes' }]);
        await api().post('/api/tips').set(volunteer.auth).set('Content-Type', form.contentType).send(form.body).expect(400);
      }
      await api()
        .post('/api/tips')
        .set(volunteer.auth)
        .set('Content-Type', 'application/json')
        .send(`{"__proto__":{"polluted":"yes"},${JSON.stringify(jsonTip()).slice(1)}`)
        .expect(400);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    });

    it('refuses a JSON array or a bare string as the body with 400', async () => {
      await api().post('/api/tips').set(volunteer.auth).send([jsonTip()]).expect(400);
      await api().post('/api/tips').set(volunteer.auth).set('Content-Type', 'application/json').send('"tip"').expect(400);
    });
  });
});

describe('tips: reading tips', () => {
  let reporter: TestUser;
  let tipId: string;
  let mediaId: string;

  before(async () => {
    reporter = await createUser({ role: 'volunteer', districtId: 1 });
    const res = await api()
      .post('/api/tips')
      .set(reporter.auth)
      .field('category', 'drugs')
      .field('description', '楼下出租屋经常半夜有陌生人进出，疑似吸毒。')
      .field('occurredAt', new Date(Date.now() - 3600_000).toISOString())
      .field('address', '雁峰区白沙洲街道')
      .field('districtId', '1')
      .attach('photos', await png(), { filename: 'p.png', contentType: 'image/png' })
      .expect(201);
    tipId = res.body.tip.id;
    mediaId = res.body.tip.media[0].id;
  });

  it('shows the reporter their tip with media and status history', async () => {
    const res = await api().get(`/api/tips/${tipId}`).set(reporter.auth).expect(200);
    expect(res.body.tip).to.include({ id: tipId, status: 'submitted', address: '雁峰区白沙洲街道' });
    expect(res.body.tip.media).to.have.length(1);
    expect(res.body.tip.media[0]).to.include({ id: mediaId, url: `/api/tips/${tipId}/media/${mediaId}` });
    expect(res.body.tip.history.map((h: { toStatus: string }) => h.toStatus)).to.deep.equal(['submitted']);
  });

  it('shows police of the district the tip without anything that identifies the reporter', async () => {
    const officer = await createUser({ role: 'officer', districtId: 1 });
    const res = await api().get(`/api/tips/${tipId}`).set(officer.auth).expect(200);
    const text = JSON.stringify(res.body);
    expect(text).not.to.include(reporter.user.id);
    expect(text).not.to.include(reporter.phone);
    expect(text).not.to.include(reporter.user.displayName);
    expect(res.body.tip).not.to.have.property('reporterId');
  });

  it('answers 404, not 403, to another volunteer, police of another district and an organizer', async () => {
    const others = [
      await createUser({ role: 'volunteer', districtId: 1 }),
      await createUser({ role: 'officer', districtId: 11 }),
      await createUser({ role: 'supervisor', districtId: 11 }),
      await createUser({ role: 'organizer', districtId: 1 }),
    ];
    for (const other of others) {
      const res = await api().get(`/api/tips/${tipId}`).set(other.auth).expect(404);
      expect(res.body.error.code).to.equal('NOT_FOUND');
    }
    const missing = await api().get(`/api/tips/${randomUUID()}`).set(others[0].auth).expect(404);
    expect(missing.body.error.message).to.equal(
      (await api().get(`/api/tips/${tipId}`).set(others[0].auth)).body.error.message,
    );
  });

  it('answers 400 to a malformed tip id and 401 without a token', async () => {
    const res = await api().get('/api/tips/not-a-uuid').set(reporter.auth).expect(400);
    expect(res.body.error.details[0].field).to.equal('id');
    await api().get(`/api/tips/${tipId}`).expect(401);
    await api().get(`/api/tips/${tipId}`).set('Authorization', 'Bearer garbage').expect(401);
  });
});

describe('tips: my tips', () => {
  let me: TestUser;
  let created: string[];

  before(async () => {
    me = await createUser({ role: 'volunteer', districtId: 1 });
    created = [];
    // Sequential so each has its own creation time; two more by someone else must never appear.
    for (let i = 0; i < 7; i++) created.push((await createTip(me, { description: `我的第${i}条线索，情况如下所述。` })).tip.id);
    const someoneElse = await createUser({ role: 'volunteer', districtId: 1 });
    await createTip(someoneElse);
    await createTip(null);
  });

  it('lists only my tips, newest first, each with its status history', async () => {
    const res = await api().get('/api/tips/mine').set(me.auth).expect(200);
    expect(res.body.tips.map((t: { id: string }) => t.id)).to.deep.equal([...created].reverse());
    expect(res.body.nextCursor).to.equal(null);
    for (const t of res.body.tips) expect(t.history[0]).to.include({ toStatus: 'submitted' });
  });

  it('pages through my tips with an opaque cursor, without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Response = await api()
        .get('/api/tips/mine')
        .query(cursor ? { limit: 3, cursor } : { limit: 3 })
        .set(me.auth)
        .expect(200);
      expect(res.body.tips.length).to.be.at.most(3);
      seen.push(...res.body.tips.map((t: { id: string }) => t.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).to.equal(3);
    expect(seen).to.deep.equal([...created].reverse());
  });

  it('keeps a stable order for tips created in the same millisecond', async () => {
    const twin = await createUser({ role: 'volunteer', districtId: 1 });
    const a = await createTip(twin);
    const b = await createTip(twin);
    const same = new Date('2025-01-01T00:00:00.000Z');
    await db().update(tips).set({ createdAt: same }).where(eq(tips.reporterId, twin.user.id));
    const first = await api().get('/api/tips/mine').query({ limit: 1 }).set(twin.auth).expect(200);
    const second = await api().get('/api/tips/mine').query({ limit: 1, cursor: first.body.nextCursor }).set(twin.auth).expect(200);
    const ids = [first.body.tips[0].id, second.body.tips[0].id];
    expect(ids).to.have.members([a.tip.id, b.tip.id]);
    expect(second.body.nextCursor).to.equal(null);
  });

  it('refuses a forged cursor, a bad limit and unknown parameters with 400', async () => {
    for (const query of [{ cursor: 'bm90LWpzb24' }, { cursor: Buffer.from('{"t":"x","id":"y"}').toString('base64url') }, { limit: 0 }, { limit: 51 }, { limit: 'ten' }, { sort: 'asc' }]) {
      const res = await api().get('/api/tips/mine').query(query).set(me.auth).expect(400);
      expect(res.body.error.code).to.equal('VALIDATION');
    }
  });

  it('is for volunteers: 401 without a token, 403 for police', async () => {
    await api().get('/api/tips/mine').expect(401);
    const officer = await createUser({ role: 'officer', districtId: 1 });
    await api().get('/api/tips/mine').set(officer.auth).expect(403);
  });
});

describe('tips: references', () => {
  it('numbers tips HY-YYYYMMDD-NNNN, increasing one after another and unique under concurrency', async () => {
    const v = await createUser({ role: 'volunteer', districtId: 11 });
    const numberOf = (ref: string) => Number(REFERENCE.exec(ref)![2]);
    const sequential: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await api().post('/api/tips').set(v.auth).send(jsonTip({ districtId: 11, lat: undefined, lng: undefined })).expect(201);
      sequential.push(numberOf(res.body.tip.reference));
    }
    expect(sequential[1]).to.be.greaterThan(sequential[0]);
    expect(sequential[2]).to.be.greaterThan(sequential[1]);

    const parallel = await Promise.all(
      Array.from({ length: 12 }, () => api().post('/api/tips').set(v.auth).send(jsonTip({ districtId: 11 }))),
    );
    const refs = parallel.map((r) => {
      expect(r.status).to.equal(201);
      return r.body.tip.reference as string;
    });
    expect(new Set(refs).size).to.equal(refs.length);
    expect(Math.min(...refs.map(numberOf))).to.be.greaterThan(sequential[2]);
    for (const r of refs) expect(r).to.match(REFERENCE);
  });
});

describe('tips: reference sequences per day', () => {
  const sequencesOf = async (prefix: string) =>
    (await db().execute<{ name: string }>(sql`SELECT relname AS name FROM pg_class WHERE relkind = 'S' AND relname LIKE ${prefix + '%'} ORDER BY 1`)).rows.map((r) => r.name);

  it("starts a day's sequence after every number the day already used: the old counter and existing references", async () => {
    const v = await createUser({ role: 'volunteer', districtId: 1 });
    await db().execute(sql`INSERT INTO tip_reference_counters (day, last) VALUES ('2020-05-05', 7)`);
    await db().insert(tips).values({ reference: 'HY-20200505-0012', reporterId: v.user.id, category: 'fraud', description: '旧编号的线索内容', occurredAt: new Date(), districtId: 1 });
    const block = await db().execute<{ reference_no: string | number }>(sql`SELECT reference_no FROM hy_tip_numbers('2020-05-05', 3)`);
    expect(block.rows.map((r) => Number(r.reference_no))).to.deep.equal([13, 14, 15]);
    const counterOnly = await db().execute<{ reference_no: string | number }>(sql`SELECT reference_no FROM hy_tip_numbers('2020-05-06', 1)`);
    expect(counterOnly.rows.map((r) => Number(r.reference_no))).to.deep.equal([1]);
  });

  it("housekeeping creates tomorrow's sequence ahead and drops those of days before yesterday", async () => {
    const now = new Date('2031-03-10T12:00:00Z');
    await db().execute(sql`SELECT hy_tip_reference_sequence('2031-03-07')`);
    await db().execute(sql`SELECT hy_tip_reference_sequence('2031-03-08')`);
    const { dropped } = await keepTipReferenceSequences(now);
    expect(dropped).to.be.greaterThan(0);
    expect(await sequencesOf('tip_ref_2031')).to.deep.equal(['tip_ref_20310308', 'tip_ref_20310310', 'tip_ref_20310311']);
    // a sequence dropped and needed again starts after that day's references, never at 1 again
    await db().insert(tips).values({ reference: 'HY-20310307-0003', isAnonymous: true, category: 'fraud', description: '旧编号的线索内容', occurredAt: new Date(), districtId: 1 });
    const again = await db().execute<{ reference_no: string | number }>(sql`SELECT reference_no FROM hy_tip_numbers('2031-03-07', 1)`);
    expect(Number(again.rows[0].reference_no)).to.equal(4);
  });
});

describe('tips: the reference data a report form needs', () => {
  it('lists the 11 categories with Chinese and English names', async () => {
    const res = await api().get('/api/categories').expect(200);
    const byId = Object.fromEntries(res.body.categories.map((c: { id: string; nameZh: string; nameEn: string }) => [c.id, c]));
    expect(Object.keys(byId)).to.have.length(11);
    expect(byId.drugs.nameZh).to.equal('涉毒');
    expect(byId.fraud.nameZh).to.equal('电信网络诈骗');
    expect(byId.other.nameZh).to.equal('其他');
    for (const c of res.body.categories) expect(c.nameEn).to.be.a('string').and.not.equal('');
  });

  it("lists Hengyang's 12 districts, and each district's communities", async () => {
    const res = await api().get('/api/districts').expect(200);
    expect(res.body.districts).to.have.length(12);
    const names = res.body.districts.map((d: { nameZh: string }) => d.nameZh);
    expect(names).to.include.members(['雁峰区', '珠晖区', '石鼓区', '蒸湘区', '南岳区', '衡阳县', '衡南县', '衡山县', '衡东县', '祁东县', '耒阳市', '常宁市']);
    for (const d of res.body.districts) {
      const c = await api().get(`/api/districts/${d.id}/communities`).expect(200);
      expect(c.body.communities.length, d.nameZh).to.be.greaterThan(0);
      for (const community of c.body.communities) expect(community.districtId).to.equal(d.id);
    }
  });

  it('answers 404 for the communities of an unknown district and 400 for a malformed id', async () => {
    expect((await api().get('/api/districts/99/communities').expect(404)).body.error.code).to.equal('NOT_FOUND');
    expect((await api().get('/api/districts/one/communities').expect(400)).body.error.code).to.equal('VALIDATION');
  });
});
