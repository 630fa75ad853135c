import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import { cases, pointsLedger } from '../src/db/schema/index';
import { api, db } from './support/harness';
import { createUser, type TestUser } from './support/factories';
import { auditOf, createCast, ledgerOf, ROLES, tipIn, tipRow, type Cast } from './support/police';

const validTip = async (cast: Cast, districtId = 1, reporter?: TestUser | null) => {
  const tip = await tipIn(districtId, { reporter });
  const decider = districtId === 1 ? cast.officer : cast.otherOfficer;
  await api().post(`/api/tips/${tip.id}/triage`).set(decider.auth).send({ decision: 'valid' }).expect(200);
  return tip;
};

const openCase = async (user: TestUser, body: object = {}) =>
  (await api().post('/api/cases').set(user.auth).send({ title: '先锋路贩毒团伙', ...body }).expect(201)).body.case;

describe('cases: access by role and district', () => {
  let cast: Cast;
  before(async () => {
    cast = await createCast();
  });

  type Row = {
    name: string;
    call: (c: Cast, caseId: string, tipId: string) => { method: 'get' | 'post' | 'patch' | 'delete'; path: string; body?: object };
    expected: Record<keyof Cast, number>;
  };
  const police = (ok: number): Record<keyof Cast, number> => ({
    volunteer: 403,
    organizer: 403,
    auxiliary: 403,
    officer: ok,
    otherOfficer: 404,
    supervisor: ok,
    admin: ok,
  });
  const matrix: Row[] = [
    {
      name: 'GET /api/cases',
      call: () => ({ method: 'get', path: '/api/cases' }),
      expected: { ...police(200), otherOfficer: 200 },
    },
    {
      name: 'POST /api/cases',
      call: () => ({ method: 'post', path: '/api/cases', body: { title: '新案件', districtId: 1 } }),
      expected: { ...police(201), otherOfficer: 403 },
    },
    { name: 'GET /api/cases/:id', call: (_c, id) => ({ method: 'get', path: `/api/cases/${id}` }), expected: police(200) },
    {
      name: 'PATCH /api/cases/:id',
      call: (_c, id) => ({ method: 'patch', path: `/api/cases/${id}`, body: { status: 'investigating' } }),
      expected: police(200),
    },
    {
      name: 'POST /api/cases/:id/tips',
      call: (_c, id, tipId) => ({ method: 'post', path: `/api/cases/${id}/tips`, body: { tipIds: [tipId] } }),
      expected: police(200),
    },
    {
      name: 'POST /api/cases/:id/notes',
      call: (_c, id) => ({ method: 'post', path: `/api/cases/${id}/notes`, body: { body: '已调取监控' } }),
      expected: police(201),
    },
    {
      name: 'GET /api/officers',
      call: () => ({ method: 'get', path: '/api/officers' }),
      expected: { ...police(200), otherOfficer: 200 },
    },
  ];

  for (const row of matrix) {
    for (const role of ROLES) {
      it(`answers ${row.expected[role]} to ${role} on ${row.name}`, async () => {
        const kase = await openCase(cast.supervisor);
        const tip = await validTip(cast);
        const c = row.call(cast, kase.id, tip.id);
        const req = api()[c.method](c.path).set(cast[role].auth);
        const res = await (c.body ? req.send(c.body) : req);
        expect(res.status, JSON.stringify(res.body)).to.equal(row.expected[role]);
      });
    }
    it(`answers 401 without a token on ${row.name}`, async () => {
      const c = row.call(cast, '00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000000');
      const res = await api()[c.method](c.path);
      expect(res.status).to.equal(401);
    });
  }

  it('answers DELETE /api/cases/:id/tips/:tipId by district', async () => {
    for (const [role, status] of [
      ['volunteer', 403],
      ['otherOfficer', 404],
      ['officer', 200],
    ] as const) {
      const tip = await validTip(cast);
      const kase = await openCase(cast.supervisor, { tipIds: [tip.id] });
      const res = await api().delete(`/api/cases/${kase.id}/tips/${tip.id}`).set(cast[role].auth);
      expect(res.status, role).to.equal(status);
      expect((await tipRow(tip.id)).caseId, role).to.equal(status === 200 ? null : kase.id);
    }
  });

  it('lists only the cases of the officer’s district', async () => {
    const mine = await openCase(cast.officer);
    const theirs = await openCase(cast.otherOfficer);
    const list = async (u: TestUser) =>
      (await api().get('/api/cases?limit=100').set(u.auth).expect(200)).body.cases.map((c: { id: string }) => c.id);
    expect(await list(cast.officer)).to.include(mine.id).and.not.include(theirs.id);
    expect(await list(cast.otherOfficer)).to.include(theirs.id).and.not.include(mine.id);
    const all = (await api().get('/api/cases?limit=100').set(cast.admin.auth)).body.cases.map((c: { id: string }) => c.id);
    expect(all).to.include.members([mine.id, theirs.id]);
  });
});

describe('cases: working a case', () => {
  let cast: Cast;
  before(async () => {
    cast = await createCast();
  });

  it('opens a case in the officer’s district with a reference, and audits it', async () => {
    const kase = await openCase(cast.officer, { summary: '多名群众反映' });
    expect(kase.reference).to.match(/^CASE-\d{8}-\d{4,}$/);
    expect(kase).to.include({ districtId: 1, status: 'open', title: '先锋路贩毒团伙', summary: '多名群众反映', tipCount: 0 });
    expect((await auditOf('case', kase.id)).map((a) => a.action)).to.include('case.create');
    const again = await openCase(cast.officer);
    expect(again.reference).not.to.equal(kase.reference);
  });

  it('refuses bad case input with 400 and an admin without a district', async () => {
    for (const [body, field] of [
      [{}, 'title'],
      [{ title: 'x' }, 'title'],
      [{ title: '案件', tipIds: [] }, 'tipIds'],
      [{ title: '案件', tipIds: ['nope'] }, 'tipIds.0'],
      [{ title: '案件', extra: true }, 'extra'],
    ] as const) {
      const res = await api().post('/api/cases').set(cast.officer.auth).send(body);
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).to.include(field);
    }
    await api().post('/api/cases').set(cast.admin.auth).send({ title: '全市案件' }).expect(400);
    await api().post('/api/cases').set(cast.officer.auth).send({ title: '越界', districtId: 11 }).expect(403);
    await api().get('/api/cases/not-a-uuid').set(cast.officer.auth).expect(400);
    await api().get('/api/cases/00000000-0000-4000-8000-000000000000').set(cast.officer.auth).expect(404);
    await api().patch(`/api/cases/${(await openCase(cast.officer)).id}`).set(cast.officer.auth).send({}).expect(400);
  });

  it('links valid tips and refuses tips that are not valid, elsewhere or in another case', async () => {
    const kase = await openCase(cast.officer);
    const valid = await validTip(cast);
    const submitted = await tipIn(1);
    const invalid = await tipIn(1);
    await api().post(`/api/tips/${invalid.id}/triage`).set(cast.officer.auth).send({ decision: 'invalid' }).expect(200);
    const elsewhere = await validTip(cast, 11);

    const notValid = await api().post(`/api/cases/${kase.id}/tips`).set(cast.officer.auth).send({ tipIds: [valid.id, invalid.id] });
    expect(notValid.status).to.equal(422);
    expect(notValid.body.error.details.map((d: { tipId: string }) => d.tipId)).to.deep.equal([invalid.id]);
    expect((await tipRow(valid.id)).caseId, 'nothing half-written').to.equal(null);
    await api().post(`/api/cases/${kase.id}/tips`).set(cast.officer.auth).send({ tipIds: [submitted.id] }).expect(422);
    const hidden = await api().post(`/api/cases/${kase.id}/tips`).set(cast.officer.auth).send({ tipIds: [elsewhere.id] });
    expect(hidden.status).to.equal(404);
    const admin = await api().post(`/api/cases/${kase.id}/tips`).set(cast.admin.auth).send({ tipIds: [elsewhere.id] });
    expect(admin.status).to.equal(422);

    const linked = await api().post(`/api/cases/${kase.id}/tips`).set(cast.officer.auth).send({ tipIds: [valid.id] }).expect(200);
    expect(linked.body.case.tipCount).to.equal(1);
    expect(linked.body.case.tips[0]).to.include({ id: valid.id, status: 'valid' });
    expect(JSON.stringify(linked.body)).not.to.include(valid.reporter!.user.id);
    await api().post(`/api/cases/${kase.id}/tips`).set(cast.officer.auth).send({ tipIds: [valid.id] }).expect(200);

    const other = await openCase(cast.officer);
    const taken = await api().post(`/api/cases/${other.id}/tips`).set(cast.officer.auth).send({ tipIds: [valid.id] });
    expect(taken.status).to.equal(409);
    const history = (await api().get(`/api/tips/${valid.id}`).set(valid.reporter!.auth)).body.tip.history;
    expect(history.map((h: { kind: string }) => h.kind), 'the link stays internal').not.to.include('link');
  });

  it('links a tip while deciding it valid', async () => {
    const kase = await openCase(cast.officer);
    const tip = await tipIn(1);
    await api().post(`/api/tips/${tip.id}/triage`).set(cast.officer.auth).send({ decision: 'valid', caseId: kase.id }).expect(200);
    expect((await tipRow(tip.id)).caseId).to.equal(kase.id);
    const closed = await openCase(cast.officer);
    await api().patch(`/api/cases/${closed.id}`).set(cast.officer.auth).send({ status: 'closed' }).expect(200);
    const late = await tipIn(1);
    const res = await api().post(`/api/tips/${late.id}/triage`).set(cast.officer.auth).send({ decision: 'valid', caseId: closed.id });
    expect(res.status).to.equal(409);
    expect((await tipRow(late.id)).status, 'nothing half-written').to.equal('submitted');
  });

  it('moves open → investigating → solved, refuses skips with 409, and reopens', async () => {
    const kase = await openCase(cast.officer);
    const skip = await api().patch(`/api/cases/${kase.id}`).set(cast.officer.auth).send({ status: 'solved' });
    expect(skip.status).to.equal(409);
    expect(skip.body.error.message).to.match(/open cannot become solved/);
    await api().patch(`/api/cases/${kase.id}`).set(cast.officer.auth).send({ status: 'investigating' }).expect(200);
    const solved = await api().patch(`/api/cases/${kase.id}`).set(cast.officer.auth).send({ status: 'solved' }).expect(200);
    expect(solved.body.case.status).to.equal('solved');
    expect(solved.body.case.solvedAt).to.be.a('string');
    await api().patch(`/api/cases/${kase.id}`).set(cast.officer.auth).send({ status: 'closed' }).expect(409);
    await api().patch(`/api/cases/${kase.id}`).set(cast.officer.auth).send({ status: 'open' }).expect(200);
    await api().patch(`/api/cases/${kase.id}`).set(cast.officer.auth).send({ status: 'archived' }).expect(400);
  });

  it('pays the solved bonus to reporters of linked valid tips once, even after reopening and solving again', async () => {
    const reporter = await createUser({ role: 'volunteer', districtId: 1 });
    const first = await validTip(cast, 1, reporter);
    const second = await validTip(cast, 1, reporter);
    const anonymous = await validTip(cast, 1, null);
    const bystander = await validTip(cast);
    const kase = await openCase(cast.officer, { tipIds: [first.id, second.id, anonymous.id] });
    const patch = (status: string) => api().patch(`/api/cases/${kase.id}`).set(cast.supervisor.auth).send({ status });
    await patch('investigating').expect(200);
    await patch('solved').expect(200);
    await patch('investigating').expect(200);
    await patch('solved').expect(200);

    const bonuses = (await ledgerOf(reporter.user.id)).filter((l) => l.reason === 'case_solved_bonus');
    expect(bonuses.map((b) => [b.tipId, b.delta, b.caseId]).sort()).to.deep.equal(
      [
        [first.id, 50, kase.id],
        [second.id, 50, kase.id],
      ].sort(),
    );
    expect((await api().get('/api/me').set(reporter.auth)).body.user.points).to.equal(120);
    const anonymousRows = await db().select().from(pointsLedger).where(eq(pointsLedger.tipId, anonymous.id));
    expect(anonymousRows).to.have.length(0);
    expect((await ledgerOf(bystander.reporter!.user.id)).map((l) => l.reason)).to.deep.equal(['tip_validated']);
    expect((await auditOf('case', kase.id)).map((a) => a.action)).to.include('case.solved');
  });

  it('pays once when three officers solve the same case at the same moment', async () => {
    const tip = await validTip(cast);
    const kase = await openCase(cast.officer, { tipIds: [tip.id] });
    await api().patch(`/api/cases/${kase.id}`).set(cast.officer.auth).send({ status: 'investigating' }).expect(200);
    const results = await Promise.all(
      [cast.officer, cast.supervisor, cast.admin].map((u) => api().patch(`/api/cases/${kase.id}`).set(u.auth).send({ status: 'solved' })),
    );
    // Setting the status it already has is a no-op: every caller sees the solved case.
    expect(results.map((r) => r.status)).to.deep.equal([200, 200, 200]);
    expect((await auditOf('case', kase.id)).filter((a) => a.action === 'case.solved')).to.have.length(1);
    const bonuses = (await ledgerOf(tip.reporter!.user.id)).filter((l) => l.reason === 'case_solved_bonus');
    expect(bonuses).to.have.length(1);
  });

  it('assigns a lead: supervisors anyone of the district, officers only themselves', async () => {
    const kase = await openCase(cast.officer);
    const colleague = await createUser({ role: 'officer', districtId: 1, displayName: '李警官' });
    const refused = await api().patch(`/api/cases/${kase.id}`).set(cast.officer.auth).send({ leadOfficerId: colleague.user.id });
    expect(refused.status).to.equal(403);
    const self = await api().patch(`/api/cases/${kase.id}`).set(cast.officer.auth).send({ leadOfficerId: cast.officer.user.id }).expect(200);
    expect(self.body.case.leadOfficer).to.deep.equal({ id: cast.officer.user.id, displayName: cast.officer.user.displayName });
    const assigned = await api().patch(`/api/cases/${kase.id}`).set(cast.supervisor.auth).send({ leadOfficerId: colleague.user.id }).expect(200);
    expect(assigned.body.case.leadOfficer.displayName).to.equal('李警官');
    const wrong = await api().patch(`/api/cases/${kase.id}`).set(cast.supervisor.auth).send({ leadOfficerId: cast.otherOfficer.user.id });
    expect(wrong.status).to.equal(422);
    const notPolice = await api().patch(`/api/cases/${kase.id}`).set(cast.supervisor.auth).send({ leadOfficerId: cast.volunteer.user.id });
    expect(notPolice.status).to.equal(422);
    const mine = await api().get(`/api/cases?lead=${colleague.user.id}`).set(cast.officer.auth).expect(200);
    expect(mine.body.cases.map((c: { id: string }) => c.id)).to.deep.equal([kase.id]);
  });

  it('keeps notes with their police author', async () => {
    const kase = await openCase(cast.officer);
    const res = await api().post(`/api/cases/${kase.id}/notes`).set(cast.supervisor.auth).send({ body: '  已调取监控  ' }).expect(201);
    expect(res.body.note).to.include({ body: '已调取监控' });
    expect(res.body.note.author).to.deep.equal({ id: cast.supervisor.user.id, displayName: cast.supervisor.user.displayName });
    await api().post(`/api/cases/${kase.id}/notes`).set(cast.supervisor.auth).send({ body: '   ' }).expect(400);
    const detail = await api().get(`/api/cases/${kase.id}`).set(cast.officer.auth).expect(200);
    expect(detail.body.case.notes.map((n: { body: string }) => n.body)).to.deep.equal(['已调取监控']);
  });

  it('pages through cases newest activity first without repeats, and rejects malformed cursors', async () => {
    const district = await createUser({ role: 'supervisor', districtId: 9 });
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await openCase(district, { title: `案件 ${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/cases?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await api().get(url).set(district.auth).expect(200);
      seen.push(...res.body.cases.map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.filter((id) => made.includes(id))).to.deep.equal([...made].reverse());
    expect(new Set(seen).size).to.equal(seen.length);
    for (const bad of ['garbage', Buffer.from('{"t":1}').toString('base64url')]) {
      const res = await api().get(`/api/cases?cursor=${bad}`).set(district.auth);
      expect(res.status).to.equal(400);
      expect(res.body.error.details[0].field).to.equal('cursor');
    }
    const filtered = await api().get('/api/cases?status=solved').set(district.auth).expect(200);
    expect(filtered.body.cases).to.deep.equal([]);
    await api().get('/api/cases?status=done').set(district.auth).expect(400);
    const row = (await db().select().from(cases).where(eq(cases.id, made[0])))[0];
    expect(row.districtId).to.equal(9);
  });

  it('lists the officers of the district for assignment', async () => {
    const res = await api().get('/api/officers').set(cast.supervisor.auth).expect(200);
    const ids = res.body.officers.map((o: { id: string }) => o.id);
    expect(ids).to.include.members([cast.officer.user.id, cast.supervisor.user.id]);
    expect(ids).not.to.include(cast.otherOfficer.user.id);
    expect(JSON.stringify(res.body)).not.to.include(cast.officer.phone);
  });
});
