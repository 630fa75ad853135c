import { expect } from 'chai';
import { and, eq } from 'drizzle-orm';
import { auditLog, messages, tipHistory, tips } from '../src/db/schema/index';
import { api, db } from './support/harness';
import { createTip, createUser, type TestUser } from './support/factories';

const thread = (tipId: string) => `/api/tips/${tipId}/messages`;

describe('messages: the thread between a tipster and police', () => {
  let reporter: TestUser;
  let otherVolunteer: TestUser;
  let officer: TestUser;
  let supervisor: TestUser;
  let farOfficer: TestUser;
  let organizer: TestUser;
  let admin: TestUser;
  let tipId: string;

  before(async () => {
    [reporter, otherVolunteer, officer, supervisor, farOfficer, organizer, admin] = await Promise.all([
      createUser({ role: 'volunteer', districtId: 1, displayName: '线索王小明' }),
      createUser({ role: 'volunteer', districtId: 1 }),
      createUser({ role: 'officer', districtId: 1 }),
      createUser({ role: 'supervisor', districtId: 1 }),
      createUser({ role: 'officer', districtId: 11 }),
      createUser({ role: 'organizer', districtId: 1 }),
      createUser({ role: 'admin' }),
    ]);
    tipId = (await createTip(reporter)).tip.id;
  });

  describe('who may read and write', () => {
    it('asks for a sign-in without a token', async () => {
      await api().get(thread(tipId)).expect(401);
      await api().post(thread(tipId)).send({ body: '你好' }).expect(401);
    });

    it('refuses organizers with 403', async () => {
      const res = await api().get(thread(tipId)).set(organizer.auth).expect(403);
      expect(res.body.error.code).to.equal('FORBIDDEN');
      await api().post(thread(tipId)).set(organizer.auth).send({ body: '你好' }).expect(403);
    });

    it('answers 404 to another volunteer and to police of another district, never 403', async () => {
      for (const outsider of [otherVolunteer, farOfficer]) {
        const read = await api().get(thread(tipId)).set(outsider.auth).expect(404);
        expect(read.body.error.code).to.equal('NOT_FOUND');
        await api().post(thread(tipId)).set(outsider.auth).send({ body: '请补充情况' }).expect(404);
      }
    });

    it('answers 404 for a tip that does not exist and 400 for a malformed id', async () => {
      await api().get(thread('00000000-0000-4000-8000-000000000000')).set(officer.auth).expect(404);
      const bad = await api().get(thread('not-a-uuid')).set(officer.auth).expect(400);
      expect(bad.body.error.code).to.equal('VALIDATION');
    });

    it('lets the reporter, officers, supervisors and admins of the district read it', async () => {
      for (const who of [reporter, officer, supervisor, admin]) {
        const res = await api().get(thread(tipId)).set(who.auth).expect(200);
        expect(res.body.messages).to.be.an('array');
      }
    });
  });

  describe('a conversation', () => {
    let convTip: string;
    before(async () => {
      convTip = (await createTip(reporter)).tip.id;
    });

    it('shows police to the reporter only as "police" and the reporter to police only as "tipster"', async () => {
      const asked = await api().post(thread(convTip)).set(officer.auth).send({ body: '请问车辆的颜色？' }).expect(201);
      expect(asked.body.message).to.include({ from: 'police', isMine: true, body: '请问车辆的颜色？' });
      await api().post(thread(convTip)).set(reporter.auth).send({ body: '白色面包车' }).expect(201);

      const mine = await api().get(thread(convTip)).set(reporter.auth).expect(200);
      expect(mine.body.messages.map((m: { from: string }) => m.from)).to.deep.equal(['police', 'tipster']);
      expect(mine.body.messages[1].isMine).to.equal(true);
      const reporterView = JSON.stringify(mine.body);
      expect(reporterView).not.to.contain(officer.user.id);
      expect(reporterView).not.to.contain('policeAuthorId');

      const police = await api().get(thread(convTip)).set(supervisor.auth).expect(200);
      expect(police.body.messages[1]).to.include({ from: 'tipster', isMine: false });
      const policeView = JSON.stringify(police.body);
      for (const secret of [reporter.user.id, reporter.phone, reporter.user.displayName]) expect(policeView).not.to.contain(secret);
    });

    it('counts unread messages for each side and clears them when the thread is opened', async () => {
      const t = (await createTip(reporter)).tip;
      await api().post(thread(t.id)).set(officer.auth).send({ body: '第一个问题' }).expect(201);
      await api().post(thread(t.id)).set(supervisor.auth).send({ body: '第二个问题' }).expect(201);

      const summary = await api().get('/api/messages/unread').set(reporter.auth).expect(200);
      expect(summary.body.tips.find((x: { tipId: string }) => x.tipId === t.id)).to.deep.equal({ tipId: t.id, reference: t.reference, unread: 2 });
      expect(summary.body.total).to.be.at.least(2);

      expect((await api().get(thread(t.id)).set(reporter.auth).expect(200)).body.unread).to.equal(2);
      expect((await api().get(thread(t.id)).set(reporter.auth).expect(200)).body.unread).to.equal(0);
      const after = await api().get('/api/messages/unread').set(reporter.auth).expect(200);
      expect(after.body.tips.find((x: { tipId: string }) => x.tipId === t.id)).to.equal(undefined);

      // police opening the thread does not mark their own messages read, and the reply is unread for them
      await api().post(thread(t.id)).set(reporter.auth).send({ body: '我的回答' }).expect(201);
      const police = await api().get('/api/messages/unread').set(officer.auth).expect(200);
      expect(police.body.tips.find((x: { tipId: string }) => x.tipId === t.id)?.unread).to.equal(1);
      expect((await api().get('/api/messages/unread').set(farOfficer.auth).expect(200)).body.tips.map((x: { tipId: string }) => x.tipId)).not.to.include(t.id);
      expect((await api().get(thread(t.id)).set(officer.auth).expect(200)).body.unread).to.equal(1);
      expect((await api().get(thread(t.id)).set(supervisor.auth).expect(200)).body.unread).to.equal(0);
    });

    it('audits every police message, and no reporter message', async () => {
      const t = (await createTip(reporter)).tip;
      const sent = await api().post(thread(t.id)).set(officer.auth).send({ body: '请到派出所做笔录' }).expect(201);
      await api().post(thread(t.id)).set(reporter.auth).send({ body: '好的' }).expect(201);
      const rows = await db().select().from(auditLog).where(and(eq(auditLog.entityType, 'tip'), eq(auditLog.entityId, t.id)));
      expect(rows).to.have.length(1);
      expect(rows[0]).to.include({ action: 'message.sent', actorId: officer.user.id, actorRole: 'officer' });
      expect(rows[0].details).to.include({ messageId: sent.body.message.id });
    });

    it('notes in the history when the reporter answers a tip that needs more information', async () => {
      const t = (await createTip(reporter)).tip;
      await db().update(tips).set({ status: 'needs_info' }).where(eq(tips.id, t.id));
      const reply = await api().post(thread(t.id)).set(reporter.auth).send({ body: '补充：车牌湘D12345' }).expect(201);
      const history = await db().select().from(tipHistory).where(and(eq(tipHistory.tipId, t.id), eq(tipHistory.kind, 'note')));
      expect(history).to.have.length(1);
      expect(history[0]).to.include({ actorRole: 'reporter', actorId: null, isVisibleToReporter: true });
      expect(history[0].details).to.deep.equal({ event: 'reporter_replied', messageId: reply.body.message.id });
      const [row] = await db().select().from(tips).where(eq(tips.id, t.id));
      expect(row.status).to.equal('needs_info');
    });

    it('keeps every message of many sent at once', async () => {
      const t = (await createTip(reporter)).tip;
      const bodies = Array.from({ length: 12 }, (_, i) => `并发消息 ${i}`);
      await Promise.all(
        bodies.map((body, i) =>
          api()
            .post(thread(t.id))
            .set((i % 2 ? officer : reporter).auth)
            .send({ body })
            .expect(201),
        ),
      );
      const res = await api().get(thread(t.id)).set(supervisor.auth).expect(200);
      expect(res.body.messages.map((m: { body: string }) => m.body).sort()).to.deep.equal([...bodies].sort());
    });

    it('refuses new messages on a tip archived by retention with 409', async () => {
      const t = (await createTip(reporter)).tip;
      await db().update(tips).set({ purgedAt: new Date() }).where(eq(tips.id, t.id));
      const res = await api().post(thread(t.id)).set(officer.auth).send({ body: '还在吗？' }).expect(409);
      expect(res.body.error.code).to.equal('ARCHIVED');
    });
  });

  describe('bad input', () => {
    const cases: [string, unknown][] = [
      ['a missing body', {}],
      ['an empty body', { body: '' }],
      ['only spaces and control characters', { body: '  \u0000\u0007 \u202e ' }],
      ['a body that is not a string', { body: 42 }],
      ['an overlong body', { body: '长'.repeat(2001) }],
      ['HTML markup', { body: '<script>alert(1)</script>' }],
      ['an HTML image tag', { body: 'look <img src=x onerror=alert(1)>' }],
      ['unknown fields', { body: '你好', from: 'police' }],
    ];
    for (const [what, payload] of cases) {
      it(`answers 400 naming the field for ${what}`, async () => {
        const res = await api().post(thread(tipId)).set(reporter.auth).send(payload as object).expect(400);
        expect(res.body.error.code).to.equal('VALIDATION');
        expect(res.body.error.details).to.be.an('array').with.length.greaterThan(0);
      });
    }

    it('stores plain text with control characters stripped, and accepts a lone "<" in prose', async () => {
      const res = await api()
        .post(thread(tipId))
        .set(reporter.auth)
        .send({ body: ' 价格 < 100 元\r\n第二行\u0007\u202e ' })
        .expect(201);
      expect(res.body.message.body).to.equal('价格 < 100 元\n第二行');
      const [row] = await db().select().from(messages).where(eq(messages.id, res.body.message.id));
      expect(row.body).to.equal('价格 < 100 元\n第二行');
    });

    it('accepts exactly 2000 characters', async () => {
      await api().post(thread(tipId)).set(reporter.auth).send({ body: '字'.repeat(2000) }).expect(201);
    });
  });
});
