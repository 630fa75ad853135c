import { expect } from 'chai';
import { api } from './support/harness';

type Community = { id: number; code: string; districtId: number; townshipId: number; nameZh: string; nameEn: string };

/** Follows nextCursor to the end. */
async function allPages(query: Record<string, string | number>): Promise<Community[]> {
  const seen: Community[] = [];
  let cursor: string | null = null;
  do {
    const res = await api()
      .get('/api/communities')
      .query({ ...query, ...(cursor ? { cursor } : {}) })
      .expect(200);
    const body = res.body as { communities: Community[]; nextCursor: string | null };
    seen.push(...body.communities);
    cursor = body.nextCursor;
  } while (cursor);
  return seen;
}

describe('places: districts, townships and communities of Hengyang', () => {
  it('lists the townships of 雁峰区 with their division codes and pinyin names', async () => {
    const res = await api().get('/api/districts/1/townships').expect(200);
    expect(res.body.townships).to.have.length(7);
    expect(res.body.townships.map((t: { code: string }) => t.code.slice(0, 6))).to.deep.equal(Array(7).fill('430406'));
    expect(res.body.townships).to.deep.include({ id: res.body.townships[2].id, code: '430406003', districtId: 1, nameZh: '天马山街道', nameEn: 'Tianmashan Subdistrict' });
  });

  it('answers 404 for the townships of an unknown district and 400 for a malformed id', async () => {
    const missing = await api().get('/api/districts/99/townships').expect(404);
    expect(missing.body.error.code).to.equal('NOT_FOUND');
    const bad = await api().get('/api/districts/abc/townships').expect(400);
    expect(bad.body.error.details).to.deep.equal([{ field: 'id', message: 'must be an id' }]);
  });

  it('keeps GET /api/districts/:id/communities: every real community of the district, narrowed by township on request', async () => {
    const res = await api().get('/api/districts/1/communities').expect(200);
    expect(res.body.communities).to.have.length(54);
    for (const c of res.body.communities) {
      expect(c).to.have.all.keys('id', 'code', 'districtId', 'townshipId', 'nameZh', 'nameEn');
      expect(c.code).to.match(/^430406\d{6}$/);
    }
    const township = (await api().get('/api/districts/1/townships').expect(200)).body.townships[2];
    const narrowed = await api().get('/api/districts/1/communities').query({ townshipId: township.id }).expect(200);
    expect(narrowed.body.communities.length).to.be.greaterThan(0);
    expect(narrowed.body.communities.every((c: Community) => c.townshipId === township.id)).to.equal(true);
    await api().get('/api/districts/1/communities').query({ townshipId: 'x' }).expect(400);
    await api().get('/api/districts/99/communities').expect(404);
  });

  it('finds 岳屏社区 by its Chinese name, its pinyin (any case, spaced or not) and its initials', async () => {
    for (const q of ['岳屏', '岳屏社区', 'yueping', 'Yue Ping', 'YUEPINGSHEQU', 'ypsq']) {
      const res = await api().get('/api/communities').query({ q, districtId: 1 }).expect(200);
      expect(res.body.communities[0], q).to.include({ code: '430406003001', nameZh: '岳屏社区', nameEn: 'Yueping Community', districtId: 1 });
    }
  });

  it('ranks names that start with the text before names that only contain it', async () => {
    const res = await api().get('/api/communities').query({ q: '塘', limit: 100 }).expect(200);
    const starts = res.body.communities.map((c: Community) => c.nameZh.startsWith('塘'));
    expect(starts[0]).to.equal(true);
    expect(starts.indexOf(false)).to.be.greaterThan(0);
    expect(starts.slice(starts.indexOf(false)).includes(true)).to.equal(false);
    expect(res.body.communities.every((c: Community) => c.nameZh.includes('塘'))).to.equal(true);
  });

  it('pages through the whole city by keyset without a duplicate or a gap', async function () {
    this.timeout(60_000);
    const all = await allPages({ limit: 100 });
    expect(all).to.have.length(2760);
    expect(new Set(all.map((c) => c.code)).size).to.equal(2760);
    // ranked search pages too: in small pages, the same list as in one
    const searched = await allPages({ q: 'x', districtId: 2, limit: 7 });
    const once = await api().get('/api/communities').query({ q: 'x', districtId: 2, limit: 100 }).expect(200);
    expect(once.body.nextCursor).to.equal(null);
    expect(searched.length).to.be.greaterThan(7);
    expect(searched.map((c) => c.code)).to.deep.equal(once.body.communities.map((c: Community) => c.code));
  });

  it('narrows to a district and a township', async () => {
    const townships = (await api().get('/api/districts/11/townships').expect(200)).body.townships;
    expect(townships).to.have.length(30);
    const inTownship = await allPages({ townshipId: townships[0].id, limit: 10 });
    expect(inTownship.length).to.be.greaterThan(0);
    expect(inTownship.every((c) => c.townshipId === townships[0].id && c.districtId === 11)).to.equal(true);
    const elsewhere = await api().get('/api/communities').query({ townshipId: townships[0].id, districtId: 1 }).expect(200);
    expect(elsewhere.body).to.deep.equal({ communities: [], nextCursor: null });
  });

  it('matches search text literally: a % or _ finds nothing', async () => {
    for (const q of ['%', '_', '\\']) {
      const res = await api().get('/api/communities').query({ q }).expect(200);
      expect(res.body.communities, q).to.deep.equal([]);
    }
  });

  it('refuses bad parameters with 400 naming each field', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ limit: '0' }, 'limit'],
      [{ limit: '101' }, 'limit'],
      [{ districtId: '-1' }, 'districtId'],
      [{ townshipId: 'one' }, 'townshipId'],
      [{ q: 'x'.repeat(41) }, 'q'],
      [{ cursor: 'not-a-cursor' }, 'cursor'],
      [{ sort: 'name' }, 'sort'],
    ];
    for (const [query, field] of cases) {
      const res = await api().get('/api/communities').query(query).expect(400);
      expect(res.body.error.code).to.equal('VALIDATION');
      expect(res.body.error.details.map((d: { field: string }) => d.field), field).to.include(field);
    }
  });

  it('lets clients cache reference data and revalidate it with its ETag', async () => {
    for (const url of ['/api/districts/1/townships', '/api/districts/1/communities', '/api/communities?q=yueping']) {
      const first = await api().get(url).expect(200);
      expect(first.headers['cache-control'], url).to.equal('public, max-age=300');
      expect(first.headers.etag, url).to.be.a('string');
      await api().get(url).set('If-None-Match', first.headers.etag).expect(304);
    }
  });
});
