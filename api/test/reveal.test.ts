import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import { auditLog, identityReveals, tipHistory } from '../src/db/schema/index';
import { api, db } from './support/harness';
import { createTip, createUser, type TestUser } from './support/factories';

const REASON = '举报内容涉及命案线索，需当面核实举报人所述细节';
const reveal = (tipId: string) => `/api/tips/${tipId}/reveal`;

describe('reveal: a supervisor learns who reported a tip, with a reason, on the record', () => {
  let reporter: TestUser;
  let supervisor: TestUser;
  let officer: TestUser;
  let farSupervisor: TestUser;
  let admin: TestUser;
  let tipId: string;

  before(async () => {
    [reporter, supervisor, officer, farSupervisor, admin] = await Promise.all([
      createUser({ role: 'volunteer', districtId: 1, displayName: '热心群众阿强' }),
      createUser({ role: 'supervisor', districtId: 1 }),
      createUser({ role: 'officer', districtId: 1 }),
      createUser({ role: 'supervisor', districtId: 11 }),
      createUser({ role: 'admin' }),
    ]);
    await api().patch('/api/me').set(reporter.auth).send({ realName: '王强', idNumber: '11010519491231002X' }).expect(200);
    tipId = (await createTip(reporter, { description: '身份保护测试：小区门口有人深夜交易可疑物品' })).tip.id;
  });

  it('never shows the reporter to police in the tip, its thread or its photos list', async () => {
    await api().post(`/api/tips/${tipId}/messages`).set(reporter.auth).send({ body: '我是举报人' }).expect(201);
    for (const who of [officer, supervisor, admin]) {
      const views = [
        (await api().get(`/api/tips/${tipId}`).set(who.auth).expect(200)).body,
        (await api().get(`/api/tips/${tipId}/messages`).set(who.auth).expect(200)).body,
      ];
      const text = JSON.stringify(views);
      for (const secret of [reporter.user.id, reporter.phone, '热心群众阿强', '王强', '11010519491231002X']) expect(text).not.to.contain(secret);
      expect(views[0].tip).not.to.have.property('reporterId');
    }
  });

  it('never names the reporter in any police route: queue, duplicates, reporter record, cases', async () => {
    const linked = (await createTip(reporter)).tip.id;
    await api().post(`/api/tips/${linked}/triage`).set(supervisor.auth).send({ decision: 'valid' }).expect(200);
    const created = await api().post('/api/cases').set(officer.auth).send({ title: '身份保护测试案件', tipIds: [linked] }).expect(201);
    const caseId = created.body.case.id;
    const routes: [string, TestUser][] = [
      // searched, so tips other test files put in the district cannot push it off the first page
      [`/api/queue?q=${encodeURIComponent('身份保护测试')}`, officer],
      [`/api/tips/${tipId}/duplicates`, officer],
      [`/api/tips/${tipId}/reporter-record`, supervisor],
      ['/api/cases', officer],
      [`/api/cases/${caseId}`, officer],
    ];
    const views = await Promise.all(routes.map(async ([route, who]) => ({ route, body: (await api().get(route).set(who.auth).expect(200)).body })));
    expect(JSON.stringify(views[0].body)).to.contain(tipId);
    expect(JSON.stringify(views[4].body)).to.contain(linked);
    for (const view of views) {
      const text = JSON.stringify(view.body);
      for (const secret of [reporter.user.id, reporter.phone, '热心群众阿强', '王强']) expect(text, view.route).not.to.contain(secret);
    }
  });

  it('asks for a sign-in, and refuses officers, volunteers and admins with 403', async () => {
    await api().post(reveal(tipId)).send({ reason: REASON }).expect(401);
    for (const who of [officer, reporter, admin]) {
      const res = await api().post(reveal(tipId)).set(who.auth).send({ reason: REASON }).expect(403);
      expect(res.body.error.code).to.equal('FORBIDDEN');
    }
  });

  it('answers 404 to a supervisor of another district, and for an unknown tip; 400 for a malformed id', async () => {
    await api().post(reveal(tipId)).set(farSupervisor.auth).send({ reason: REASON }).expect(404);
    await api().post(reveal('00000000-0000-4000-8000-000000000000')).set(supervisor.auth).send({ reason: REASON }).expect(404);
    await api().post(reveal('nope')).set(supervisor.auth).send({ reason: REASON }).expect(400);
  });

  it('requires a written reason of at least 10 characters', async () => {
    for (const body of [{}, { reason: '' }, { reason: '需要核实' }, { reason: 42 }, { reason: 'x'.repeat(1001) }]) {
      const res = await api().post(reveal(tipId)).set(supervisor.auth).send(body).expect(400);
      expect(res.body.error.details[0].field).to.equal('reason');
    }
    expect(await db().select().from(identityReveals).where(eq(identityReveals.tipId, tipId))).to.have.length(0);
  });

  it('cannot reveal an anonymous tipster: 422, and nothing is recorded', async () => {
    const anon = (await createTip(null)).tip;
    const res = await api().post(reveal(anon.id)).set(supervisor.auth).send({ reason: REASON }).expect(422);
    expect(res.body.error.code).to.equal('ANONYMOUS_TIP');
    expect(res.body.error.message).to.match(/cannot be revealed/);
    expect(await db().select().from(identityReveals).where(eq(identityReveals.tipId, anon.id))).to.have.length(0);
    const listed = await api().get(`/api/tips/${anon.id}/reveals`).set(supervisor.auth).expect(200);
    expect(listed.body).to.deep.equal({ isRevealable: false, reveals: [] });
  });

  it('reveals the identity to the supervisor and records it in reveals, the audit log and the reporter\'s history', async () => {
    const res = await api().post(reveal(tipId)).set(supervisor.auth).send({ reason: `  ${REASON}  ` }).expect(201);
    expect(res.body.identity).to.deep.equal({
      userId: reporter.user.id,
      displayName: '热心群众阿强',
      phone: reporter.phone,
      realName: '王强',
      idNumber: '11010519491231002X',
      communityId: reporter.user.communityId,
    });
    expect(res.body.reveal).to.include({ tipId, supervisorId: supervisor.user.id, reason: REASON });
    expect(res.headers['cache-control']).to.equal('no-store');

    const rows = await db().select().from(identityReveals).where(eq(identityReveals.tipId, tipId));
    expect(rows).to.have.length(1);
    expect(rows[0]).to.include({ supervisorId: supervisor.user.id, reason: REASON });

    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'identity.revealed'));
    const mine = audits.filter((a) => a.entityId === tipId);
    expect(mine).to.have.length(1);
    expect(mine[0]).to.include({ actorId: supervisor.user.id, actorRole: 'supervisor', entityType: 'tip' });
    expect(mine[0].details).to.include({ reporterId: reporter.user.id, reason: REASON });

    const history = await db().select().from(tipHistory).where(eq(tipHistory.tipId, tipId));
    expect(history.filter((h) => h.kind === 'reveal')).to.have.length(1);

    const own = await api().get(`/api/tips/${tipId}`).set(reporter.auth).expect(200);
    const entry = own.body.tip.history.find((h: { kind: string }) => h.kind === 'reveal');
    expect(entry).to.include({ kind: 'reveal', note: REASON, by: 'police' });
    expect(JSON.stringify(own.body)).not.to.contain(supervisor.user.id);

    const listed = await api().get(`/api/tips/${tipId}/reveals`).set(supervisor.auth).expect(200);
    expect(listed.body.isRevealable).to.equal(true);
    expect(listed.body.reveals).to.have.length(1);
    expect(JSON.stringify(listed.body)).not.to.contain(reporter.phone);
  });

  it('still hides the reporter from officers after a reveal', async () => {
    const text = JSON.stringify((await api().get(`/api/tips/${tipId}`).set(officer.auth).expect(200)).body);
    for (const secret of [reporter.user.id, reporter.phone, '热心群众阿强']) expect(text).not.to.contain(secret);
  });

  it('lets only supervisors of the district list reveals', async () => {
    await api().get(`/api/tips/${tipId}/reveals`).set(officer.auth).expect(403);
    await api().get(`/api/tips/${tipId}/reveals`).set(farSupervisor.auth).expect(404);
  });
});
