import { expect } from 'chai';
import { eq, sql } from 'drizzle-orm';
import { tips } from '../src/db/schema/index';
import supertest from 'supertest';
import { api, appWith, db, resetDb } from './support/harness';
import { insertBulkTips } from './support/bulk-tips';
import { createCast, tipIn, type Cast } from './support/police';
import type { TestUser } from './support/factories';

type Feature = {
  type: 'Feature';
  id?: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown>;
};
type Collection = { type: 'FeatureCollection'; mode: 'points' | 'grid'; total: number; cellSize?: number; features: Feature[] };

/** 雁峰区 around the test tips, and 耒阳市 far to the south-east. */
const YANFENG = '112.55,26.85,112.65,26.95';
const LEIYANG = '112.8,26.35,112.95,26.5';
const CITY = '111.5,26.1,113.3,27.6';

async function map(who: TestUser, query: Record<string, string>, status = 200): Promise<Collection> {
  const res = await api().get('/api/map/tips').query(query).set(who.auth);
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
  return res.body as Collection;
}

describe('tip map', () => {
  let cast: Cast;
  let drugs: { id: string; reference: string };
  let fraud: { id: string; reference: string };
  let outside: { id: string; reference: string };
  let far: { id: string; reference: string };

  before(async () => {
    await resetDb();
    cast = await createCast(1, 11);
    drugs = await tipIn(1, { input: { category: 'drugs', lat: 26.8936, lng: 112.5719, description: '北门每晚有人交易可疑物品' } });
    fraud = await tipIn(1, { reporter: null, input: { category: 'fraud', lat: 26.9, lng: 112.6 } });
    outside = await tipIn(1, { reporter: null, input: { lat: 26.8, lng: 112.5 } });
    far = await tipIn(11, { reporter: null, input: { lat: 26.42, lng: 112.86 } });
    await api().post(`/api/tips/${fraud.id}/triage`).set(cast.officer.auth).send({ decision: 'valid', priority: 'urgent' }).expect(200);
  });

  it('gives an officer the tips of their district inside the box as GeoJSON, without reporter or text', async () => {
    const res = await api().get('/api/map/tips').query({ bbox: YANFENG }).set(cast.officer.auth).expect(200);
    expect(res.headers['content-type']).to.match(/^application\/geo\+json/);
    const body = res.body as Collection;
    expect(body).to.include({ type: 'FeatureCollection', mode: 'points', total: 2 });
    const byRef = Object.fromEntries(body.features.map((f) => [f.properties.reference, f]));
    expect(Object.keys(byRef)).to.have.members([drugs.reference, fraud.reference]);
    expect(byRef[fraud.reference]).to.deep.equal({
      type: 'Feature',
      id: fraud.id,
      geometry: { type: 'Point', coordinates: [112.6, 26.9] },
      properties: { kind: 'tip', id: fraud.id, reference: fraud.reference, category: 'fraud', status: 'valid', priority: 'urgent' },
    });
    expect(JSON.stringify(body)).not.to.match(/reporter|description|address|北门/);
  });

  it('shows an officer nothing of another district, even in a box around it', async () => {
    expect((await map(cast.officer, { bbox: LEIYANG })).features).to.deep.equal([]);
    const theirs = await map(cast.otherOfficer, { bbox: LEIYANG });
    expect(theirs.features.map((f) => f.properties.reference)).to.deep.equal([far.reference]);
  });

  it('gives an admin the whole city', async () => {
    const body = await map(cast.admin, { bbox: CITY });
    expect(body.features.map((f) => f.properties.reference)).to.have.members([drugs.reference, fraud.reference, outside.reference, far.reference]);
  });

  it('lets an admin narrow the city to one district; police only ever their own (403), an unknown district is 400', async () => {
    const refs = async (who: TestUser, query: Record<string, string>) => (await map(who, { bbox: CITY, ...query })).features.map((f) => f.properties.reference);
    expect(await refs(cast.admin, { districtId: '11' })).to.deep.equal([far.reference]);
    expect(await refs(cast.admin, { districtId: '1' })).to.have.members([drugs.reference, fraud.reference, outside.reference]);
    expect(await refs(cast.admin, { districtId: '2' })).to.deep.equal([]);
    expect(await refs(cast.officer, { districtId: '1' })).to.have.members([drugs.reference, fraud.reference, outside.reference]);
    await map(cast.officer, { bbox: CITY, districtId: '11' }, 403);
    await map(cast.supervisor, { bbox: CITY, districtId: '11' }, 403);
    const unknown = await map(cast.admin, { bbox: CITY, districtId: '99' }, 400);
    expect(JSON.stringify(unknown)).to.include('districtId');
    const malformed = await map(cast.admin, { bbox: CITY, districtId: 'x' }, 400);
    expect(JSON.stringify(malformed)).to.include('districtId');
  });

  it('filters by category, status and period', async () => {
    const refs = async (query: Record<string, string>) =>
      (await map(cast.supervisor, { bbox: YANFENG, ...query })).features.map((f) => f.properties.reference);
    expect(await refs({ category: 'fraud' })).to.deep.equal([fraud.reference]);
    expect(await refs({ status: 'submitted' })).to.deep.equal([drugs.reference]);
    expect(await refs({ to: '2020-01-01' })).to.deep.equal([]);
    expect(await refs({ from: '2020-01-01' })).to.have.members([drugs.reference, fraud.reference]);
  });

  it('is for police only', async () => {
    await api().get('/api/map/tips').query({ bbox: YANFENG }).expect(401);
    for (const who of [cast.volunteer, cast.organizer, cast.auxiliary]) await map(who, { bbox: YANFENG }, 403);
  });

  it('refuses a malformed box or period, naming the field (400)', async () => {
    const bad: [Record<string, string>, string][] = [
      [{}, 'bbox'],
      [{ bbox: '112.5,26.8,112.6' }, 'bbox'],
      [{ bbox: '112.5,26.8,112.6,26.9,1' }, 'bbox'],
      [{ bbox: '112.5,NaN,112.6,26.9' }, 'bbox'],
      [{ bbox: '112.5,26.8,Infinity,26.9' }, 'bbox'],
      [{ bbox: '0x10,26.8,112.6,26.9' }, 'bbox'],
      [{ bbox: '112.6,26.8,112.5,26.9' }, 'bbox'],
      [{ bbox: '112.5,26.9,112.6,26.9' }, 'bbox'],
      [{ bbox: '181,26.8,182,26.9' }, 'bbox'],
      [{ bbox: '112.5,89.5,112.6,91' }, 'bbox'],
      [{ bbox: '100,20,120,30' }, 'bbox'],
      [{ bbox: YANFENG, from: 'soon' }, 'from'],
      [{ bbox: YANFENG, from: '2026-03-02', to: '2026-03-01' }, 'to'],
      [{ bbox: YANFENG, from: '2022-01-01', to: '2026-01-01' }, 'to'],
      [{ bbox: YANFENG, category: 'aliens' }, 'category'],
      [{ bbox: YANFENG, status: 'lost' }, 'status'],
      [{ bbox: YANFENG, zoom: '3' }, 'zoom'],
    ];
    for (const [query, field] of bad) {
      const res = await api().get('/api/map/tips').query(query).set(cast.admin.auth);
      expect(res.status, JSON.stringify(query)).to.equal(400);
      expect(res.body.error.code).to.equal('VALIDATION');
      expect(res.body.error.details.map((d: { field: string }) => d.field), JSON.stringify(query)).to.include(field);
    }
  });

  it('lists a box and grids a period from index entries alone (0022)', async () => {
    // The statements of pointsIn and gridIn (with a period), as the app sends them. With the
    // planner kept off the table itself, only an index that carries every column can answer
    // without reading tip rows: "Index Only Scan".
    const plan = async (query: ReturnType<typeof sql>) => JSON.stringify((await db().execute(query)).rows);
    const points = sql`EXPLAIN SELECT id, reference, category, status, priority, lat, lng FROM tips
      WHERE district_id = 1 AND lng BETWEEN 112.55 AND 112.65 AND lat BETWEEN 26.85 AND 26.95 AND status = 'submitted' LIMIT 2000`;
    const periodGrid = sql`EXPLAIN SELECT floor(lng / 0.005::float8)::int AS gx, floor(lat / 0.005::float8)::int AS gy, count(*)::int, avg(lat), avg(lng)
      FROM tips WHERE district_id = 11 AND lng BETWEEN 112.8 AND 112.95 AND lat BETWEEN 26.35 AND 26.5
        AND status IN ('submitted', 'needs_info', 'valid', 'invalid', 'duplicate') AND created_at >= now() - interval '30 days' GROUP BY 1, 2`;
    await db().execute(sql`ANALYZE tips`);
    const rolledBack = new Error('rolled back');
    await db()
      .transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL enable_seqscan = off`);
        await tx.execute(sql`SET LOCAL enable_bitmapscan = off`);
        expect(JSON.stringify((await tx.execute(points)).rows)).to.include('Index Only Scan using tips_map_idx');
        expect(JSON.stringify((await tx.execute(periodGrid)).rows)).to.include('Index Only Scan');
        // The period's own index carries the map's columns too: with every other index of the
        // district gone, it still answers alone.
        const others = (await tx.execute(sql`SELECT indexname FROM pg_indexes
          WHERE tablename = 'tips' AND indexdef LIKE '%district_id%' AND indexname <> 'tips_stats_period_idx'`)).rows as { indexname: string }[];
        expect(others.map((o) => o.indexname)).to.include('tips_map_idx');
        for (const { indexname } of others) await tx.execute(sql`DROP INDEX ${sql.identifier(indexname)}`);
        const periodOnly = JSON.stringify((await tx.execute(periodGrid)).rows);
        expect(periodOnly, periodOnly).to.include('Index Only Scan using tips_stats_period_idx');
        throw rolledBack;
      })
      .catch((err: unknown) => {
        if (err !== rolledBack) throw err;
      });
    expect(await plan(sql`SELECT indexname FROM pg_indexes WHERE indexname = 'tips_map_idx'`)).to.include('tips_map_idx');
  });

  it('keeps a tenth of each new page of tips free and vacuums tips after every 1,000 changes (0022)', async () => {
    // Claims then stay HOT updates and VACUUM keeps the pages of open tips all-visible, so the
    // queue's counts and the map stay index-only (docs/performance.md, "The visibility map").
    const [{ reloptions }] = (await db().execute(sql`SELECT reloptions FROM pg_class WHERE relname = 'tips'`)).rows as { reloptions: string[] }[];
    expect(reloptions).to.include.members([
      'fillfactor=90',
      'autovacuum_vacuum_scale_factor=0',
      'autovacuum_vacuum_threshold=1000',
      'autovacuum_vacuum_insert_scale_factor=0',
      'autovacuum_vacuum_insert_threshold=1000',
    ]);
  });

  it('rounds a point to six decimals (≈ 0.1 m)', async () => {
    const precise = await tipIn(1, { reporter: null, input: { lat: 26.912345678901, lng: 112.612345678901 } });
    const body = await map(cast.officer, { bbox: YANFENG });
    const feature = body.features.find((f) => f.properties.reference === precise.reference)!;
    expect(feature.geometry.coordinates).to.deep.equal([112.612346, 26.912346]);
    await db().delete(tips).where(eq(tips.id, precise.id));
  });

  it('tells anyone the base map, and lets the browser load its tiles', async () => {
    const res = await api().get('/api/map/config').expect(200);
    expect(res.body).to.deep.equal({
      tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      crs: 'wgs84',
      attribution: '© OpenStreetMap contributors',
      maxZoom: 18,
    });
    expect(res.headers['content-security-policy']).to.match(/img-src 'self' blob: data: https:\/\/tile\.openstreetmap\.org;/);
    const chinese = appWith({ mapTiles: { url: 'https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}', crs: 'gcj02', attribution: '高德地图' } });
    const answer = await supertest(chinese).get('/api/map/config').expect(200);
    expect(answer.body).to.include({ crs: 'gcj02' });
    expect(answer.headers['content-security-policy']).to.include('img-src \'self\' blob: data: https://*.is.autonavi.com;');
  });

  describe('more than 2,000 tips in the box', () => {
    const BOX = { minLng: 112.56, minLat: 26.86, maxLng: 112.64, maxLat: 26.94 };
    before(async () => {
      await insertBulkTips({ n: 2500, districtId: 1, box: BOX });
      await insertBulkTips({ n: 300, districtId: 11, box: { minLng: 112.8, minLat: 26.36, maxLng: 112.9, maxLat: 26.46 } });
    });

    it('answers a grid of counts that adds up to every tip of the jurisdiction in the box', async () => {
      const body = await map(cast.officer, { bbox: YANFENG });
      expect(body.mode).to.equal('grid');
      // 0.1° across, at most 48 cells across: 0.005° cells.
      expect(body.cellSize).to.equal(0.005);
      expect(body.total).to.equal(2502);
      const sum = body.features.reduce((n, f) => n + (f.properties.count as number), 0);
      expect(sum).to.equal(2502);
      for (const f of body.features) {
        expect(f.properties.kind).to.equal('cell');
        const [minLng, minLat, maxLng, maxLat] = f.properties.bbox as number[];
        const [lng, lat] = f.geometry.coordinates;
        expect(lng).to.be.within(minLng, maxLng);
        expect(lat).to.be.within(minLat, maxLat);
        expect(maxLng - minLng).to.be.closeTo(0.005, 1e-9);
      }
      const { rows } = await db().execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM tips WHERE district_id = 1 AND lng BETWEEN 112.55 AND 112.65 AND lat BETWEEN 26.85 AND 26.95`,
      );
      expect(rows[0].n).to.equal(2502);
    });

    it('keeps the other district out of the grid, and gives tips again when a filter narrows them', async () => {
      const city = await map(cast.otherOfficer, { bbox: CITY });
      expect(city.mode).to.equal('points');
      expect(city.total).to.equal(301);
      const filtered = await map(cast.officer, { bbox: YANFENG, category: 'fraud' });
      expect(filtered.mode).to.equal('points');
      expect(filtered.features.map((f) => f.properties.reference)).to.deep.equal([fraud.reference]);
    });

    it('gives an admin one district of the grid when asked', async () => {
      const body = await map(cast.admin, { bbox: CITY, districtId: '11' });
      expect(body.total).to.equal(300 + 1);
      const yanfeng = await map(cast.admin, { bbox: CITY, districtId: '1' });
      expect(yanfeng.mode).to.equal('grid');
      expect(yanfeng.total).to.equal(2500 + 3);
    });

    it('gives an admin the city as a coarser grid', async () => {
      const body = await map(cast.admin, { bbox: CITY });
      expect(body.mode).to.equal('grid');
      expect(body.cellSize).to.equal(0.05);
      expect(body.total).to.equal(2500 + 300 + 4);
    });

    it('keeps both cell summaries equal to the tips through submissions, decisions, transfers and deletions', async () => {
      const summaryMatches = async () => {
        const { rows } = await db().execute<{ bad: number }>(sql`
          SELECT count(*)::int AS bad FROM (
            SELECT z.size, district_id, floor(lng * 1000 / z.size)::int AS gx, floor(lat * 1000 / z.size)::int AS gy, status, category,
                   count(*)::int AS n, sum(lat) AS lat, sum(lng) AS lng
            FROM tips CROSS JOIN (VALUES (5::smallint), (50::smallint)) z(size) WHERE lat IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6) t
          FULL JOIN (SELECT * FROM tip_map_cells WHERE tips <> 0) s USING (size, district_id, gx, gy, status, category)
          WHERE t.n IS DISTINCT FROM s.tips OR abs(t.lat - s.lat_sum) > 1e-6 OR abs(t.lng - s.lng_sum) > 1e-6`);
        // The level without the category (0021), read when the map names no category.
        const byStatus = await db().execute<{ bad: number }>(sql`
          SELECT count(*)::int AS bad FROM (
            SELECT z.size, district_id, floor(lng * 1000 / z.size)::int AS gx, floor(lat * 1000 / z.size)::int AS gy, status,
                   count(*)::int AS n, sum(lat) AS lat, sum(lng) AS lng
            FROM tips CROSS JOIN (VALUES (5::smallint), (50::smallint)) z(size) WHERE lat IS NOT NULL GROUP BY 1, 2, 3, 4, 5) t
          FULL JOIN (SELECT * FROM tip_map_status_cells WHERE tips <> 0) s USING (size, district_id, gx, gy, status)
          WHERE t.n IS DISTINCT FROM s.tips OR abs(t.lat - s.lat_sum) > 1e-6 OR abs(t.lng - s.lng_sum) > 1e-6`);
        return Number(rows[0].bad) + Number(byStatus.rows[0].bad);
      };
      expect(await summaryMatches()).to.equal(0);
      const [one, two] = (await db().select({ id: tips.id }).from(tips).where(eq(tips.districtId, 1)).limit(2));
      await db().update(tips).set({ status: 'valid' }).where(eq(tips.id, one.id));
      await db().update(tips).set({ districtId: 2, lat: 26.9, lng: 112.6 }).where(eq(tips.id, two.id));
      expect(await summaryMatches()).to.equal(0);
      const before = (await map(cast.officer, { bbox: YANFENG })).total;
      await db().delete(tips).where(eq(tips.id, two.id));
      expect(await summaryMatches()).to.equal(0);
      // The transferred tip had left district 1 already; the decided one is still counted.
      expect((await map(cast.officer, { bbox: YANFENG })).total).to.equal(before);
      expect((await map(cast.officer, { bbox: YANFENG, status: 'valid' })).mode).to.equal('points');
    });
  });
});
