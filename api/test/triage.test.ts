import { expect } from 'chai';
import { eq, inArray, sql } from 'drizzle-orm';
import { tips } from '../src/db/schema/index';
import { clock } from '../src/lib/clock';
import { COUNTS_TTL_MS } from '../src/modules/triage/triage.service';
import { api, db, resetDb } from './support/harness';
import { createUser, type TestUser } from './support/factories';
import { auditOf, createCast, ledgerOf, ROLES, tipIn, tipRow, type Cast } from './support/police';

type Call = { method: 'get' | 'post' | 'delete'; path: string; body?: object };

const send = (c: Call, user?: TestUser) => {
  const req = api()[c.method](c.path);
  if (user) req.set(user.auth);
  return c.body ? req.send(c.body) : req;
};

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** An open on-site check of the tip, requested by the district's officer: its id. */
const requestCheck = async (tipId: string, c: Cast) =>
  (await api().post(`/api/tips/${tipId}/verification`).set(c.officer.auth).send({ note: '请核实' }).expect(201)).body.verification.id as string;

describe('triage: access by role and district', () => {
  let cast: Cast;
  before(async () => {
    cast = await createCast();
  });

  // Each row builds a fresh tip of district 1 so state-changing calls never depend on each other.
  const matrix: {
    name: string;
    /** `made`: what `prepare` returned (the id of a verification task, say). */
    call: (tipId: string, c: Cast, made: string) => Call;
    /** State the call needs first (made by the district's officer). */
    prepare?: (tipId: string, c: Cast) => Promise<unknown>;
    expected: Record<keyof Cast, number>;
  }[] = [
    {
      name: 'GET /api/queue',
      call: () => ({ method: 'get', path: '/api/queue' }),
      expected: { volunteer: 403, organizer: 403, auxiliary: 403, officer: 200, otherOfficer: 200, supervisor: 200, admin: 200 },
    },
    {
      name: 'POST /api/queue/claim',
      call: () => ({ method: 'post', path: '/api/queue/claim', body: {} }),
      expected: { volunteer: 403, organizer: 403, auxiliary: 403, officer: 200, otherOfficer: 200, supervisor: 200, admin: 200 },
    },
    {
      name: 'GET /api/tips/:id (police view)',
      call: (id) => ({ method: 'get', path: `/api/tips/${id}` }),
      expected: { volunteer: 404, organizer: 404, auxiliary: 404, officer: 200, otherOfficer: 404, supervisor: 200, admin: 200 },
    },
    {
      name: 'POST /api/tips/:id/claim',
      call: (id) => ({ method: 'post', path: `/api/tips/${id}/claim` }),
      expected: { volunteer: 403, organizer: 403, auxiliary: 403, officer: 200, otherOfficer: 404, supervisor: 200, admin: 200 },
    },
    {
      name: 'DELETE /api/tips/:id/claim',
      call: (id) => ({ method: 'delete', path: `/api/tips/${id}/claim` }),
      expected: { volunteer: 403, organizer: 403, auxiliary: 403, officer: 200, otherOfficer: 404, supervisor: 200, admin: 200 },
    },
    {
      name: 'POST /api/tips/:id/assign',
      call: (id, c) => ({ method: 'post', path: `/api/tips/${id}/assign`, body: { officerId: c.officer.user.id } }),
      expected: { volunteer: 403, organizer: 403, auxiliary: 403, officer: 403, otherOfficer: 403, supervisor: 200, admin: 200 },
    },
    {
      name: 'POST /api/tips/:id/triage',
      call: (id) => ({ method: 'post', path: `/api/tips/${id}/triage`, body: { decision: 'needs_info', note: '请补充照片' } }),
      expected: { volunteer: 403, organizer: 403, auxiliary: 403, officer: 200, otherOfficer: 404, supervisor: 200, admin: 200 },
    },
    {
      name: 'POST /api/tips/:id/transfer',
      call: (id) => ({ method: 'post', path: `/api/tips/${id}/transfer`, body: { districtId: 2, reason: '事发地在珠晖区' } }),
      expected: { volunteer: 403, organizer: 403, auxiliary: 403, officer: 200, otherOfficer: 404, supervisor: 200, admin: 200 },
    },
    {
      name: 'POST /api/tips/:id/reverse (the officer’s own decision)',
      prepare: (id, c) => api().post(`/api/tips/${id}/triage`).set(c.officer.auth).send({ decision: 'valid' }).expect(200),
      call: (id) => ({ method: 'post', path: `/api/tips/${id}/reverse`, body: { reason: '判断有误' } }),
      expected: { volunteer: 403, organizer: 403, auxiliary: 403, officer: 200, otherOfficer: 404, supervisor: 200, admin: 200 },
    },
    {
      name: 'GET /api/tips/:id/duplicates',
      call: (id) => ({ method: 'get', path: `/api/tips/${id}/duplicates` }),
      expected: { volunteer: 403, organizer: 403, auxiliary: 403, officer: 200, otherOfficer: 404, supervisor: 200, admin: 200 },
    },
    {
      name: 'GET /api/tips/:id/reporter-record',
      call: (id) => ({ method: 'get', path: `/api/tips/${id}/reporter-record` }),
      expected: { volunteer: 403, organizer: 403, auxiliary: 403, officer: 200, otherOfficer: 404, supervisor: 200, admin: 200 },
    },
    // On-site verification (the cast's auxiliary serves the community of the tips made here).
    {
      name: 'POST /api/tips/:id/verification',
      call: (id) => ({ method: 'post', path: `/api/tips/${id}/verification`, body: { note: '请到现场核实' } }),
      expected: { volunteer: 403, organizer: 403, auxiliary: 403, officer: 201, otherOfficer: 404, supervisor: 201, admin: 201 },
    },
    {
      name: 'GET /api/tips/:id/verifications',
      prepare: requestCheck,
      call: (id) => ({ method: 'get', path: `/api/tips/${id}/verifications` }),
      expected: { volunteer: 403, organizer: 403, auxiliary: 403, officer: 200, otherOfficer: 404, supervisor: 200, admin: 200 },
    },
    {
      name: 'GET /api/verifications/mine',
      prepare: requestCheck,
      call: () => ({ method: 'get', path: '/api/verifications/mine' }),
      expected: { volunteer: 403, organizer: 403, auxiliary: 200, officer: 403, otherOfficer: 403, supervisor: 403, admin: 403 },
    },
    {
      name: 'GET /api/verifications/:id',
      prepare: requestCheck,
      call: (_id, _c, v) => ({ method: 'get', path: `/api/verifications/${v}` }),
      expected: { volunteer: 403, organizer: 403, auxiliary: 200, officer: 403, otherOfficer: 403, supervisor: 403, admin: 403 },
    },
    {
      name: 'POST /api/verifications/:id/report',
      prepare: requestCheck,
      call: (_id, _c, v) => ({ method: 'post', path: `/api/verifications/${v}/report`, body: { finding: 'confirmed', note: '属实' } }),
      expected: { volunteer: 403, organizer: 403, auxiliary: 201, officer: 403, otherOfficer: 403, supervisor: 403, admin: 403 },
    },
  ];

  for (const row of matrix) {
    for (const role of ROLES) {
      it(`answers ${row.expected[role]} to ${role} on ${row.name}`, async () => {
        const tip = await tipIn(1);
        const made = await row.prepare?.(tip.id, cast);
        const res = await send(row.call(tip.id, cast, String(made)), cast[role]);
        expect(res.status, JSON.stringify(res.body)).to.equal(row.expected[role]);
        expect(res.body.error?.code ?? 'OK').to.equal(
          { 200: 'OK', 201: 'OK', 403: 'FORBIDDEN', 404: 'NOT_FOUND' }[row.expected[role] as 200 | 201 | 403 | 404],
        );
      });
    }
    it(`answers 401 without a token on ${row.name}`, async () => {
      const tip = await tipIn(1);
      const made = await row.prepare?.(tip.id, cast);
      const res = await send(row.call(tip.id, cast, String(made)));
      expect(res.status).to.equal(401);
    });
  }

  it('leaves a tip untouched when an officer of another district tries to decide it', async () => {
    const tip = await tipIn(1);
    await api().post(`/api/tips/${tip.id}/triage`).set(cast.otherOfficer.auth).send({ decision: 'valid' }).expect(404);
    expect((await tipRow(tip.id)).status).to.equal('submitted');
    expect(await ledgerOf(tip.reporter!.user.id)).to.have.length(0);
  });

  it('refuses a police officer who names another district in the queue or a claim', async () => {
    await api().get('/api/queue?districtId=11').set(cast.officer.auth).expect(403);
    await api().post('/api/queue/claim').set(cast.officer.auth).send({ districtId: 11 }).expect(403);
  });

  it('never shows the reporter to police', async () => {
    const tip = await tipIn(1);
    const reporter = tip.reporter!;
    const view = await api().get(`/api/tips/${tip.id}`).set(cast.officer.auth).expect(200);
    const queue = await api().get('/api/queue?limit=100').set(cast.officer.auth).expect(200);
    const record = await api().get(`/api/tips/${tip.id}/reporter-record`).set(cast.officer.auth).expect(200);
    for (const body of [view.body, queue.body, record.body]) {
      const text = JSON.stringify(body);
      expect(text).not.to.include(reporter.user.id);
      expect(text).not.to.include(reporter.phone);
      expect(text).not.to.include(reporter.user.displayName);
    }
  });
});

describe('triage: the queue', () => {
  let cast: Cast;
  before(async () => {
    await resetDb();
    cast = await createCast(3, 11);
  });

  it('lists the district’s submitted tips by priority, then oldest first, with counts per status', async () => {
    const low = await tipIn(3);
    const older = await tipIn(3);
    const newer = await tipIn(3);
    const urgent = await tipIn(3);
    const otherDistrict = await tipIn(11);
    const decided = await tipIn(3);
    await db().update(tips).set({ priority: 'low', priorityRank: 0 }).where(eq(tips.id, low.id));
    await db().update(tips).set({ priority: 'urgent', priorityRank: 3 }).where(eq(tips.id, urgent.id));
    await api().post(`/api/tips/${decided.id}/triage`).set(cast.officer.auth).send({ decision: 'valid' }).expect(200);

    const res = await api().get('/api/queue').set(cast.officer.auth).expect(200);
    const ids = res.body.tips.map((t: { id: string }) => t.id);
    expect(ids).to.deep.equal([urgent.id, older.id, newer.id, low.id]);
    expect(ids).not.to.include(otherDistrict.id);
    expect(res.body.counts).to.deep.equal({ submitted: 4, needs_info: 0, valid: 1, invalid: 0, duplicate: 0 });
    expect(res.body.nextCursor).to.equal(null);
    expect(res.body.tips[0]).to.include({ reference: urgent.reference, priority: 'urgent', status: 'submitted', photoCount: 0 });
    expect(res.body.tips[0]).not.to.have.property('reporterId');

    const valid = await api().get('/api/queue?status=valid').set(cast.officer.auth).expect(200);
    expect(valid.body.tips.map((t: { id: string }) => t.id)).to.deep.equal([decided.id]);
  });

  it('filters by category, priority, free text, date range and own claims', async () => {
    const fraud = await tipIn(3, { input: { category: 'fraud', description: '冒充客服让我下载会议软件共享屏幕，骗走两万元', address: '蒸湘区解放大道' } });
    const claimed = await tipIn(3, { input: { description: '网吧门口有人兜售不明药丸，自称能提神。' } });
    await api().post(`/api/tips/${claimed.id}/claim`).set(cast.officer.auth).expect(200);

    const ids = async (query: string) =>
      (await api().get(`/api/queue?${query}`).set(cast.officer.auth).expect(200)).body.tips.map((t: { id: string }) => t.id);

    expect(await ids('category=fraud')).to.deep.equal([fraud.id]);
    expect(await ids(`q=${encodeURIComponent('会议软件')}`)).to.deep.equal([fraud.id]);
    expect(await ids(`q=${encodeURIComponent('解放大道')}`)).to.deep.equal([fraud.id]);
    expect(await ids(`q=${encodeURIComponent('100%_')}`)).to.deep.equal([]);
    expect(await ids('claim=mine')).to.deep.equal([claimed.id]);
    expect(await ids('claim=unclaimed')).not.to.include(claimed.id);
    expect(await ids('priority=urgent')).to.have.length(1);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect(await ids(`from=${encodeURIComponent(future)}`)).to.deep.equal([]);
    expect(await ids(`to=${encodeURIComponent(future)}&category=fraud`)).to.deep.equal([fraud.id]);
    const claimedRow = (await api().get('/api/queue?claim=mine').set(cast.officer.auth)).body.tips[0];
    expect(claimedRow.claim).to.include({ officerId: cast.officer.user.id, officerName: cast.officer.user.displayName, isMine: true });
  });

  it('answers 400 naming the field for bad filters', async () => {
    for (const [query, field] of [
      ['status=open', 'status'],
      ['priority=extreme', 'priority'],
      ['category=aliens', 'category'],
      ['limit=0', 'limit'],
      ['limit=1000', 'limit'],
      ['from=yesterday', 'from'],
      ['districtId=abc', 'districtId'],
      ['q=x', 'q'],
      ['unknown=1', 'unknown'],
    ]) {
      const res = await api().get(`/api/queue?${query}`).set(cast.officer.auth);
      expect(res.status, query).to.equal(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field), query).to.include(field);
    }
  });

  it('answers 400 for malformed cursors', async () => {
    const bad = [
      'not-a-cursor!',
      b64({ r: 1 }),
      b64({ r: 7, t: new Date().toISOString(), id: '00000000-0000-4000-8000-000000000000' }),
      b64({ r: 1, t: 'yesterday', id: '00000000-0000-4000-8000-000000000000' }),
      b64({ r: 1, t: new Date().toISOString(), id: 'nope' }),
      b64('string'),
      'x'.repeat(301),
    ];
    for (const cursor of bad) {
      const res = await api().get(`/api/queue?cursor=${encodeURIComponent(cursor)}`).set(cast.officer.auth);
      expect(res.status, cursor).to.equal(400);
      expect(res.body.error.details[0].field).to.equal('cursor');
    }
  });

  it('pages through every tip exactly once while new tips keep arriving', async () => {
    await resetDb();
    const c = await createCast(3, 11);
    const ranks: [string, number][] = [['low', 0], ['normal', 1], ['high', 2], ['urgent', 3]];
    const originals: string[] = [];
    for (let i = 0; i < 24; i++) {
      const t = await tipIn(3);
      const [priority, rank] = ranks[i % 4];
      await db().update(tips).set({ priority: priority as 'low', priorityRank: rank }).where(eq(tips.id, t.id));
      originals.push(t.id);
    }
    const seen: { id: string; priority: string; createdAt: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/api/queue?limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      // Inserts race with the page read: new tips must never cause a repeat or a gap.
      const [res] = await Promise.all([
        api().get(query).set(c.officer.auth),
        tipIn(3),
        tipIn(3, { input: { description: '夜里有人在河边偷挖河沙，连续几天了。' } }),
      ]);
      expect(res.status).to.equal(200);
      seen.push(...res.body.tips);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    const ids = seen.map((t) => t.id);
    expect(new Set(ids).size, 'no tip twice').to.equal(ids.length);
    for (const id of originals) expect(ids, 'no gaps').to.include(id);
    const order = ['urgent', 'high', 'normal', 'low'];
    for (let i = 1; i < seen.length; i++) {
      const a = seen[i - 1];
      const b = seen[i];
      const byRank = order.indexOf(a.priority) - order.indexOf(b.priority);
      expect(byRank <= 0 && (byRank < 0 || a.createdAt <= b.createdAt), `order at ${i}`).to.equal(true);
    }
  });
});

describe('triage: queue counts', () => {
  beforeEach(async () => {
    await resetDb();
  });

  it('counts per status for category and priority, and omits counts for free text, claims and dates', async () => {
    const c = await createCast(3, 11);
    const fraud = await tipIn(3, { input: { category: 'fraud', description: '冒充客服让我转账，骗走三千元' } });
    await tipIn(3, { input: { category: 'fraud' } });
    await tipIn(3);
    await tipIn(11, { input: { category: 'fraud' } });
    await api().post(`/api/tips/${fraud.id}/triage`).set(c.officer.auth).send({ decision: 'valid' }).expect(200);
    const get = async (query: string) => (await api().get(`/api/queue?${query}`).set(c.officer.auth).expect(200)).body;

    const all = await get('');
    expect(all.counts).to.deep.equal({ submitted: 2, needs_info: 0, valid: 1, invalid: 0, duplicate: 0 });
    expect(all.countsCapped).to.deep.equal([]);
    const byCategory = await get('category=fraud');
    expect(byCategory.counts).to.deep.equal({ submitted: 1, needs_info: 0, valid: 1, invalid: 0, duplicate: 0 });
    expect((await get('category=fraud&priority=urgent')).counts).to.deep.equal({ submitted: 0, needs_info: 0, valid: 0, invalid: 0, duplicate: 0 });

    const lastWeek = encodeURIComponent(new Date(Date.now() - 7 * 86_400_000).toISOString());
    for (const query of [`q=${encodeURIComponent('转账')}`, 'claim=mine', 'claim=unclaimed', `from=${lastWeek}`, `to=${lastWeek}&category=fraud`]) {
      const body = await get(query);
      expect(body.counts, query).to.equal(null);
      expect(body.countsCapped, query).to.deep.equal([]);
    }
    const withText = await get(`q=${encodeURIComponent('转账')}&status=valid`);
    expect(withText.tips.map((t: { id: string }) => t.id)).to.deep.equal([fraud.id]);

    const first = await get('limit=1');
    const next = await get(`limit=1&cursor=${encodeURIComponent(first.nextCursor)}`);
    expect(next.counts).to.equal(null);
    expect(next.countsCapped).to.deep.equal([]);
  });

  it('stops counting a status at 1000 and says which counts are capped', async () => {
    const c = await createCast(3, 11);
    const one = await tipIn(3);
    await api().post(`/api/tips/${one.id}/triage`).set(c.officer.auth).send({ decision: 'invalid' }).expect(200);
    // 1,200 submitted tips straight into the table: the cap is about counting, not submission.
    await db().execute(sql`
      INSERT INTO tips (reference, category, description, occurred_at, district_id)
      SELECT 'HY-CAP-' || g, 'other', '测试计数上限的线索内容', now(), 3 FROM generate_series(1, 1200) AS g`);
    const body = (await api().get('/api/queue?limit=2').set(c.officer.auth).expect(200)).body;
    expect(body.counts).to.deep.equal({ submitted: 1000, needs_info: 0, valid: 0, invalid: 1, duplicate: 0 });
    expect(body.countsCapped).to.deep.equal(['submitted']);
    expect(body.tips).to.have.length(2);
    const other = (await api().get('/api/queue').set(c.otherOfficer.auth).expect(200)).body;
    expect(other.counts.submitted).to.equal(0);
    expect(other.countsCapped).to.deep.equal([]);
  });
});

describe('triage: kept queue counts', () => {
  beforeEach(async () => {
    await resetDb();
  });

  it('serves a filter’s counts again for COUNTS_TTL_MS, and reads them anew at once after a submission or decision in the district made here', async () => {
    const c = await createCast(3, 11);
    const first = await tipIn(3);
    clock.set(Date.now());
    const counts = async () => (await api().get('/api/queue').set(c.officer.auth).expect(200)).body.counts;
    // Another instance's write (straight into the table here) is not seen by this process's counter.
    const fromElsewhere = (reference: string) =>
      db().execute(sql`INSERT INTO tips (reference, category, description, occurred_at, district_id) VALUES (${reference}, 'other', '另一个实例写入的线索内容', now(), 3)`);

    expect((await counts()).submitted).to.equal(1);
    await fromElsewhere('HY-KEPT-1');
    expect((await counts()).submitted, 'kept').to.equal(1);
    clock.advance(COUNTS_TTL_MS - 1);
    expect((await counts()).submitted, 'kept to the last millisecond').to.equal(1);
    clock.advance(1);
    expect((await counts()).submitted, 'read anew after the time limit').to.equal(2);

    await fromElsewhere('HY-KEPT-2');
    await tipIn(11);
    expect((await counts()).submitted, 'a tip of another district leaves them kept').to.equal(2);
    await tipIn(3);
    expect((await counts()).submitted, 'a submission here in the district').to.equal(4);
    await api().post(`/api/tips/${first.id}/triage`).set(c.officer.auth).send({ decision: 'valid' }).expect(200);
    expect(await counts(), 'a decision here').to.deep.include({ submitted: 3, valid: 1 });
    const other = (await api().get('/api/queue').set(c.otherOfficer.auth).expect(200)).body.counts;
    expect(other.submitted, 'each district its own').to.equal(1);
  });
});

describe('triage: claims', () => {
  let cast: Cast;
  before(async () => {
    await resetDb();
    cast = await createCast(5, 11);
  });

  it('claims the highest-priority oldest free tip for the configured time, and not again', async () => {
    const first = await tipIn(5);
    const second = await tipIn(5);
    await db().update(tips).set({ priority: 'high', priorityRank: 2 }).where(eq(tips.id, second.id));
    const before = Date.now();
    const a = await api().post('/api/queue/claim').set(cast.officer.auth).send({}).expect(200);
    expect(a.body.tip.id).to.equal(second.id);
    expect(a.body.tip.claimedById).to.equal(cast.officer.user.id);
    const ttl = new Date(a.body.tip.claimExpiresAt).getTime() - before;
    expect(ttl).to.be.within(29 * 60_000, 31 * 60_000);
    const b = await api().post('/api/queue/claim').set(cast.supervisor.auth).send({}).expect(200);
    expect(b.body.tip.id).to.equal(first.id);
    const none = await api().post('/api/queue/claim').set(cast.officer.auth).send({}).expect(200);
    expect(none.body.tip).to.equal(null);
    expect(await auditOf('tip', second.id)).to.satisfy((rows: { action: string }[]) => rows.some((r) => r.action === 'tip.claim'));
  });

  it('treats a lapsed claim as free', async () => {
    const c = await createCast(5, 11);
    const other = await createUser({ role: 'officer', districtId: 5 });
    const tip = await tipIn(5);
    await api().post(`/api/tips/${tip.id}/claim`).set(c.officer.auth).expect(200);
    expect((await api().post(`/api/tips/${tip.id}/claim`).set(other.auth).expect(409)).body.error.code).to.equal('CLAIMED');
    await api().post(`/api/tips/${tip.id}/triage`).set(other.auth).send({ decision: 'valid' }).expect(409);
    const unclaimed = () => api().get('/api/queue?claim=unclaimed&limit=100').set(other.auth);
    expect((await unclaimed()).body.tips.map((t: { id: string }) => t.id)).not.to.include(tip.id);
    await db().update(tips).set({ claimExpiresAt: new Date(Date.now() - 1000) }).where(eq(tips.id, tip.id));
    expect((await unclaimed()).body.tips.map((t: { id: string }) => t.id)).to.include(tip.id);
    const res = await api().post(`/api/tips/${tip.id}/claim`).set(other.auth).expect(200);
    expect(res.body.tip.claimedById).to.equal(other.user.id);
  });

  it('lets an officer release only their own claim and a supervisor release or reassign any', async () => {
    const c = cast;
    const tip = await tipIn(5);
    await api().post(`/api/tips/${tip.id}/claim`).set(c.officer.auth).expect(200);
    const colleague = await createUser({ role: 'officer', districtId: 5 });
    const refused = await api().delete(`/api/tips/${tip.id}/claim`).set(colleague.auth).expect(403);
    expect(refused.body.error.code).to.equal('FORBIDDEN');
    expect((await tipRow(tip.id)).claimedById).to.equal(c.officer.user.id);

    await api().post(`/api/tips/${tip.id}/assign`).set(c.supervisor.auth).send({ officerId: colleague.user.id }).expect(200);
    expect((await tipRow(tip.id)).claimedById).to.equal(colleague.user.id);
    const wrong = await api().post(`/api/tips/${tip.id}/assign`).set(c.supervisor.auth).send({ officerId: c.otherOfficer.user.id });
    expect(wrong.status).to.equal(422);
    const volunteerTarget = await api().post(`/api/tips/${tip.id}/assign`).set(c.supervisor.auth).send({ officerId: c.volunteer.user.id });
    expect(volunteerTarget.status).to.equal(422);
    await api().post(`/api/tips/${tip.id}/assign`).set(c.supervisor.auth).send({ officerId: 'nope' }).expect(400);

    await api().delete(`/api/tips/${tip.id}/claim`).set(c.supervisor.auth).expect(200);
    const row = await tipRow(tip.id);
    expect(row.claimedById).to.equal(null);
    expect(row.claimExpiresAt).to.equal(null);
  });

  it('lets an officer release a claim and another take it', async () => {
    const tip = await tipIn(5);
    const a = await createUser({ role: 'officer', districtId: 5 });
    const b = await createUser({ role: 'officer', districtId: 5 });
    await api().post(`/api/tips/${tip.id}/claim`).set(a.auth).expect(200);
    await api().delete(`/api/tips/${tip.id}/claim`).set(a.auth).expect(200);
    const res = await api().post(`/api/tips/${tip.id}/claim`).set(b.auth).expect(200);
    expect(res.body.tip.claimedById).to.equal(b.user.id);
  });

  it('refuses to claim a decided tip with 409', async () => {
    const tip = await tipIn(5);
    await api().post(`/api/tips/${tip.id}/triage`).set(cast.officer.auth).send({ decision: 'invalid' }).expect(200);
    const res = await api().post(`/api/tips/${tip.id}/claim`).set(cast.officer.auth).expect(409);
    expect(res.body.error.message).to.match(/already invalid/);
  });
});

describe('triage: claims at the same moment', () => {
  before(async () => {
    await resetDb();
  });

  it('never hands the same tip to two officers claiming at once', async () => {
    const officers = await Promise.all(Array.from({ length: 8 }, () => createUser({ role: 'officer', districtId: 5 })));
    const reporter = await createUser({ role: 'volunteer', districtId: 5 });
    const created: string[] = [];
    for (let i = 0; i < 12; i++) created.push((await tipIn(5, { reporter })).id);
    const results = await Promise.all(
      officers.flatMap((o) => [0, 1].map(() => api().post('/api/queue/claim').set(o.auth).send({}))),
    );
    for (const r of results) expect(r.status, JSON.stringify(r.body)).to.equal(200);
    const got = results.map((r) => r.body.tip?.id).filter((x): x is string => Boolean(x));
    expect(got).to.have.length(12);
    expect(new Set(got).size).to.equal(12);
    expect(results.filter((r) => r.body.tip === null)).to.have.length(4);
    const rows = await db().select().from(tips).where(inArray(tips.id, created));
    for (const r of results.filter((x) => x.body.tip)) {
      const row = rows.find((t) => t.id === r.body.tip.id)!;
      expect(row.claimedById).to.equal(r.body.tip.claimedById);
    }
  });
});

describe('triage: decisions', () => {
  let cast: Cast;
  before(async () => {
    cast = await createCast();
  });

  it('marks a tip valid with priority in one go: status, history, internal note, audit and points', async () => {
    const tip = await tipIn(1);
    const reporter = tip.reporter!;
    await api().post(`/api/tips/${tip.id}/claim`).set(cast.officer.auth).expect(200);
    const res = await api()
      .post(`/api/tips/${tip.id}/triage`)
      .set(cast.officer.auth)
      .send({ decision: 'valid', priority: 'urgent', note: '内部：与上周线索可能为同一团伙' })
      .expect(200);
    expect(res.body.tip).to.include({ status: 'valid', priority: 'urgent', claimedById: null });
    const row = await tipRow(tip.id);
    expect(row).to.include({ status: 'valid', priority: 'urgent', priorityRank: 3, decidedById: cast.officer.user.id });

    const ledger = await ledgerOf(reporter.user.id);
    expect(ledger.map((l) => [l.reason, l.delta, l.tipId]).sort()).to.deep.equal(
      [
        ['tip_priority_bonus', 10, tip.id],
        ['tip_validated', 10, tip.id],
      ].sort(),
    );
    const me = await api().get('/api/me').set(reporter.auth).expect(200);
    expect(me.body.user.points).to.equal(20);

    const asReporter = await api().get(`/api/tips/${tip.id}`).set(reporter.auth).expect(200);
    const history = asReporter.body.tip.history;
    expect(history.map((h: { toStatus: string | null }) => h.toStatus)).to.deep.equal(['submitted', 'valid']);
    expect(JSON.stringify(history)).not.to.include('内部');
    const asPolice = await api().get(`/api/tips/${tip.id}`).set(cast.officer.auth).expect(200);
    const note = asPolice.body.tip.history.find((h: { kind: string }) => h.kind === 'note');
    expect(note).to.include({ note: '内部：与上周线索可能为同一团伙', isVisibleToReporter: false });

    const audits = await auditOf('tip', tip.id);
    const entry = audits.find((a) => a.action === 'tip.triage');
    expect(entry).to.include({ actorId: cast.officer.user.id, actorRole: 'officer' });
    expect(entry!.details).to.include({ from: 'submitted', decision: 'valid', priority: 'urgent' });
  });

  it('shares a note with the reporter only when it is marked for them', async () => {
    const tip = await tipIn(1);
    await api()
      .post(`/api/tips/${tip.id}/triage`)
      .set(cast.officer.auth)
      .send({ decision: 'invalid', note: '经核实，该地点为正规药店。', isNoteForReporter: true })
      .expect(200);
    const mine = await api().get(`/api/tips/${tip.id}`).set(tip.reporter!.auth).expect(200);
    expect(mine.body.tip.history.at(-1)).to.include({ toStatus: 'invalid', note: '经核实，该地点为正规药店。' });
    expect(await ledgerOf(tip.reporter!.user.id)).to.have.length(0);
  });

  it('asks the reporter for more information and lets the tip be decided afterwards', async () => {
    const tip = await tipIn(1);
    await api().post(`/api/tips/${tip.id}/triage`).set(cast.officer.auth).send({ decision: 'needs_info' }).expect(400);
    await api().post(`/api/tips/${tip.id}/triage`).set(cast.officer.auth).send({ decision: 'needs_info', note: '请提供车牌号' }).expect(200);
    const mine = await api().get(`/api/tips/${tip.id}`).set(tip.reporter!.auth).expect(200);
    expect(mine.body.tip).to.include({ status: 'needs_info' });
    expect(mine.body.tip.history.at(-1).note).to.equal('请提供车牌号');
    const again = await api().post(`/api/tips/${tip.id}/triage`).set(cast.officer.auth).send({ decision: 'needs_info', note: '再次' });
    expect(again.status).to.equal(409);
    await api().post(`/api/tips/${tip.id}/triage`).set(cast.officer.auth).send({ decision: 'valid' }).expect(200);
  });

  it('answers 409 with a clear message for illegal transitions and changes nothing', async () => {
    const tip = await tipIn(1);
    await api().post(`/api/tips/${tip.id}/triage`).set(cast.officer.auth).send({ decision: 'valid' }).expect(200);
    for (const body of [{ decision: 'invalid' }, { decision: 'valid' }, { decision: 'needs_info', note: 'x' }]) {
      const res = await api().post(`/api/tips/${tip.id}/triage`).set(cast.supervisor.auth).send(body);
      expect(res.status).to.equal(409);
      expect(res.body.error).to.include({ code: 'TIP_STATUS' });
      expect(res.body.error.message).to.match(/valid cannot be marked/);
    }
    expect(await ledgerOf(tip.reporter!.user.id)).to.have.length(1);
  });

  it('awards exactly once when several officers decide the same tip at once', async () => {
    const tip = await tipIn(1);
    const deciders = [cast.supervisor, cast.admin, ...(await Promise.all([1, 2, 3, 4].map(() => createUser({ role: 'officer', districtId: 1 }))))];
    const results = await Promise.all(
      deciders.map((d) => api().post(`/api/tips/${tip.id}/triage`).set(d.auth).send({ decision: 'valid', priority: 'high' })),
    );
    expect(results.map((r) => r.status).sort()).to.deep.equal([200, 409, 409, 409, 409, 409]);
    const ledger = await ledgerOf(tip.reporter!.user.id);
    expect(ledger.map((l) => l.reason).sort()).to.deep.equal(['tip_priority_bonus', 'tip_validated']);
    const history = await api().get(`/api/tips/${tip.id}`).set(cast.officer.auth);
    expect(history.body.tip.history.filter((h: { toStatus: string }) => h.toStatus === 'valid')).to.have.length(1);
  });

  it('awards exactly once when valid and invalid race on the same tip', async () => {
    const tip = await tipIn(1);
    const results = await Promise.all([
      api().post(`/api/tips/${tip.id}/triage`).set(cast.supervisor.auth).send({ decision: 'valid' }),
      api().post(`/api/tips/${tip.id}/triage`).set(cast.admin.auth).send({ decision: 'invalid', isDeliberateFalse: true }),
      api().post(`/api/tips/${tip.id}/triage`).set(cast.officer.auth).send({ decision: 'valid' }),
    ]);
    expect(results.filter((r) => r.status === 200)).to.have.length(1);
    expect(results.filter((r) => r.status === 409)).to.have.length(2);
    const row = await tipRow(tip.id);
    const ledger = await ledgerOf(tip.reporter!.user.id);
    if (row.status === 'valid') expect(ledger.map((l) => l.reason)).to.deep.equal(['tip_validated']);
    else expect(ledger.map((l) => l.reason)).to.deep.equal(['false_report_penalty']);
  });

  it('penalises a deliberate false report, never below zero', async () => {
    const reporter = await createUser({ role: 'volunteer', districtId: 1 });
    const good = await tipIn(1, { reporter });
    const bad = await tipIn(1, { reporter });
    const worse = await tipIn(1, { reporter });
    await api().post(`/api/tips/${good.id}/triage`).set(cast.officer.auth).send({ decision: 'valid', priority: 'high' }).expect(200);
    await api().post(`/api/tips/${bad.id}/triage`).set(cast.officer.auth).send({ decision: 'invalid', isDeliberateFalse: true }).expect(200);
    await api().post(`/api/tips/${worse.id}/triage`).set(cast.officer.auth).send({ decision: 'invalid', isDeliberateFalse: true }).expect(200);
    const ledger = await ledgerOf(reporter.user.id);
    expect(ledger.find((l) => l.tipId === bad.id)).to.include({ reason: 'false_report_penalty', delta: -20 });
    expect(ledger.find((l) => l.tipId === worse.id)).to.include({ reason: 'false_report_penalty', delta: 0 });
    expect((await api().get('/api/me').set(reporter.auth)).body.user.points).to.equal(0);
    expect((await tipRow(bad.id)).isDeliberateFalse).to.equal(true);
  });

  it('gives no points for anonymous tips', async () => {
    const tip = await tipIn(1, { reporter: null });
    await api().post(`/api/tips/${tip.id}/triage`).set(cast.officer.auth).send({ decision: 'valid', priority: 'urgent' }).expect(200);
    const [{ n }] = (
      await db().execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM points_ledger WHERE tip_id = ${tip.id}`)
    ).rows;
    expect(Number(n)).to.equal(0);
    const record = await api().get(`/api/tips/${tip.id}/reporter-record`).set(cast.officer.auth).expect(200);
    expect(record.body).to.deep.equal({ isAnonymous: true, record: null });
  });

  it('answers 400 for bad decisions and 404 for unknown tips', async () => {
    const tip = await tipIn(1);
    const cases: [object, string][] = [
      [{}, 'decision'],
      [{ decision: 'maybe' }, 'decision'],
      [{ decision: 'duplicate' }, 'duplicateOf'],
      [{ decision: 'valid', duplicateOf: tip.id }, 'duplicateOf'],
      [{ decision: 'invalid', caseId: tip.id }, 'caseId'],
      [{ decision: 'valid', isDeliberateFalse: true }, 'isDeliberateFalse'],
      [{ decision: 'valid', priority: 'extreme' }, 'priority'],
      [{ decision: 'invalid', priority: 'high' }, 'priority'],
      [{ decision: 'valid', note: 'x'.repeat(2001) }, 'note'],
      [{ decision: 'valid', isNoteForReporter: true }, 'note'],
      [{ decision: 'valid', extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const res = await api().post(`/api/tips/${tip.id}/triage`).set(cast.officer.auth).send(body);
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field), JSON.stringify(body)).to.include(field);
    }
    await api().post('/api/tips/not-a-uuid/triage').set(cast.officer.auth).send({ decision: 'valid' }).expect(400);
    await api()
      .post('/api/tips/00000000-0000-4000-8000-000000000000/triage')
      .set(cast.officer.auth)
      .send({ decision: 'valid' })
      .expect(404);
    expect((await tipRow(tip.id)).status).to.equal('submitted');
  });

  it('shows a reporter’s track record as counts only', async () => {
    const reporter = await createUser({ role: 'volunteer', districtId: 1 });
    const [a, b, c, current] = [await tipIn(1, { reporter }), await tipIn(1, { reporter }), await tipIn(1, { reporter }), await tipIn(1, { reporter })];
    await api().post(`/api/tips/${a.id}/triage`).set(cast.officer.auth).send({ decision: 'valid' }).expect(200);
    await api().post(`/api/tips/${b.id}/triage`).set(cast.officer.auth).send({ decision: 'valid' }).expect(200);
    await api().post(`/api/tips/${c.id}/triage`).set(cast.officer.auth).send({ decision: 'invalid', isDeliberateFalse: true }).expect(200);
    const res = await api().get(`/api/tips/${current.id}/reporter-record`).set(cast.officer.auth).expect(200);
    expect(res.body).to.deep.equal({ isAnonymous: false, record: { total: 3, valid: 2, invalid: 1, duplicate: 0, falseReports: 1 } });
  });
});

describe('triage: duplicates', () => {
  let cast: Cast;
  before(async () => {
    await resetDb();
    cast = await createCast(7, 11);
  });

  const near = { lat: 26.9, lng: 112.6 };
  const story = '小区北门每天晚上有人交易可疑物品，已经持续一周了。';

  it('suggests the same-category tip nearby, recent and similar, and nothing else', async () => {
    const original = await tipIn(7, { input: { ...near, description: story } });
    const farAway = await tipIn(7, { input: { lat: 26.92, lng: 112.6, description: story } });
    const otherCategory = await tipIn(7, { input: { ...near, category: 'fraud', description: story } });
    const unrelated = await tipIn(7, { input: { ...near, description: '十字路口红绿灯坏了好几天，车辆乱行。' } });
    const old = await tipIn(7, { input: { ...near, description: story } });
    await db().update(tips).set({ createdAt: new Date(Date.now() - 10 * 86_400_000) }).where(eq(tips.id, old.id));
    const otherDistrict = await tipIn(11, { input: { ...near, description: story } });
    const byAddress = await tipIn(7, { input: { lat: undefined, lng: undefined, address: '雁峰区先锋路88号北门', description: story } });
    const current = await tipIn(7, { input: { lat: 26.9012, lng: 112.6009, address: '雁峰区先锋路88号', description: '小区北门晚上有人交易可疑物品，持续一周。' } });

    const res = await api().get(`/api/tips/${current.id}/duplicates`).set(cast.officer.auth).expect(200);
    const ids = res.body.suggestions.map((s: { id: string }) => s.id);
    expect(ids).to.have.members([original.id, byAddress.id]);
    for (const excluded of [farAway, otherCategory, unrelated, old, otherDistrict]) expect(ids).not.to.include(excluded.id);
    const first = res.body.suggestions.find((s: { id: string }) => s.id === original.id);
    expect(first.distanceMetres).to.be.within(100, 250);
    expect(first.similarity).to.be.greaterThan(0.2);
    expect(first).to.include({ reference: original.reference, status: 'submitted' });
  });

  it('links a duplicate to its original and shows the second reporter the original’s status', async () => {
    const original = await tipIn(7, { input: { ...near, description: story } });
    const second = await tipIn(7, { input: { ...near, description: story } });
    await api().post(`/api/tips/${original.id}/triage`).set(cast.officer.auth).send({ decision: 'valid' }).expect(200);
    await api()
      .post(`/api/tips/${second.id}/triage`)
      .set(cast.officer.auth)
      .send({ decision: 'duplicate', duplicateOf: original.id })
      .expect(200);
    expect(await tipRow(second.id)).to.include({ status: 'duplicate', duplicateOfId: original.id });
    const seen = await api().get(`/api/tips/${second.id}`).set(second.reporter!.auth).expect(200);
    expect(seen.body.tip.duplicateOf).to.deep.equal({ reference: original.reference, status: 'valid' });
    expect(await ledgerOf(second.reporter!.user.id)).to.have.length(0);

    // A third report naming the duplicate is linked straight to the original.
    const third = await tipIn(7, { input: { ...near, description: story } });
    await api().post(`/api/tips/${third.id}/triage`).set(cast.officer.auth).send({ decision: 'duplicate', duplicateOf: second.id }).expect(200);
    expect((await tipRow(third.id)).duplicateOfId).to.equal(original.id);
  });

  it('refuses a duplicate of itself or of a tip the officer cannot see with 422', async () => {
    const tip = await tipIn(7);
    const elsewhere = await tipIn(11);
    const self = await api().post(`/api/tips/${tip.id}/triage`).set(cast.officer.auth).send({ decision: 'duplicate', duplicateOf: tip.id });
    expect(self.status).to.equal(422);
    const hidden = await api()
      .post(`/api/tips/${tip.id}/triage`)
      .set(cast.officer.auth)
      .send({ decision: 'duplicate', duplicateOf: elsewhere.id });
    expect(hidden.status).to.equal(422);
    const cross = await api().post(`/api/tips/${tip.id}/triage`).set(cast.admin.auth).send({ decision: 'duplicate', duplicateOf: elsewhere.id });
    expect(cross.status).to.equal(422);
    expect((await tipRow(tip.id)).status).to.equal('submitted');
  });
});
