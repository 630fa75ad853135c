import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import type { Response } from 'supertest';
import { auditLog } from '../src/db/schema/index';
import { clock } from '../src/lib/clock';
import { audit } from '../src/modules/audit/audit.service';
import { api, db } from './support/harness';
import { createTip, createUser, type TestUser } from './support/factories';

type Entry = {
  id: number;
  createdAt: string;
  actor: { id: string; displayName: string; role: string } | null;
  action: string;
  target: { type: string; id: string | null };
  district: { id: number; nameZh: string; nameEn: string } | null;
  details: Record<string, unknown> | null;
};

const REASON = '举报内容涉及重大案情，需要当面核实举报人所述细节';

/** Supertest buffers text/csv as text; the BOM stays the first character. */
const csvText = (res: Response) => res.text;

async function list(who: TestUser, query: Record<string, string | number> = {}, status = 200) {
  const res = await api().get('/api/admin/audit').query(query).set(who.auth);
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
  return res.body as { entries: Entry[]; nextCursor: string | null };
}

describe('audit log viewer', () => {
  let officer: TestUser;
  let farOfficer: TestUser;
  let supervisor: TestUser;
  let farSupervisor: TestUser;
  let admin: TestUser;
  let reporter: TestUser;
  let tipId: string;
  let farTipId: string;

  before(async () => {
    [officer, farOfficer, supervisor, farSupervisor, admin, reporter] = await Promise.all([
      createUser({ role: 'officer', districtId: 1, displayName: '=HYPERLINK("http://evil")' }),
      createUser({ role: 'officer', districtId: 11 }),
      createUser({ role: 'supervisor', districtId: 1 }),
      createUser({ role: 'supervisor', districtId: 11 }),
      createUser({ role: 'admin' }),
      createUser({ role: 'volunteer', districtId: 1 }),
    ]);
    clock.set('2026-03-01T02:00:00Z');
    tipId = (await createTip(reporter, { districtId: 1 })).tip.id;
    farTipId = (await createTip(null, { districtId: 11 })).tip.id;
    await api().post(`/api/tips/${tipId}/claim`).set(officer.auth).expect(200);
    clock.set('2026-03-02T02:00:00Z');
    await api().post(`/api/tips/${tipId}/triage`).set(officer.auth).send({ decision: 'valid' }).expect(200);
    await api().post(`/api/tips/${farTipId}/triage`).set(farOfficer.auth).send({ decision: 'valid' }).expect(200);
    clock.set('2026-03-03T02:00:00Z');
    await api().post(`/api/tips/${tipId}/reveal`).set(supervisor.auth).send({ reason: REASON }).expect(201);
    await api()
      .post('/api/admin/points/adjustments')
      .set(admin.auth)
      .send({ userId: reporter.user.id, delta: 5, reason: '补发积分：系统故障' })
      .expect(201);
    clock.reset();
  });

  it('shows an admin every district’s entries, newest first, with actor, role, action, target, time and district', async () => {
    const { entries } = await list(admin, { limit: 200 });
    const mine = entries.filter((e) => [officer.user.id, farOfficer.user.id, supervisor.user.id, admin.user.id].includes(e.actor?.id ?? ''));
    expect(mine.map((e) => e.action)).to.deep.equal(['points.adjust', 'identity.revealed', 'tip.triage', 'tip.triage', 'tip.claim']);
    const triage = mine.find((e) => e.action === 'tip.triage' && e.actor?.id === officer.user.id)!;
    expect(triage).to.deep.include({
      actor: { id: officer.user.id, displayName: officer.user.displayName, role: 'officer' },
      target: { type: 'tip', id: tipId },
      district: { id: 1, nameZh: '雁峰区', nameEn: 'Yanfeng District' },
      createdAt: '2026-03-02T02:00:00.000Z',
    });
    expect(triage.details).to.include({ decision: 'valid', from: 'submitted' });
    expect(mine.find((e) => e.action === 'points.adjust')!.district).to.equal(null);
    const ids = entries.map((e) => e.id);
    expect(ids).to.deep.equal([...ids].sort((a, b) => b - a));
  });

  it('shows a supervisor only their own district, whatever the filters say', async () => {
    const { entries } = await list(supervisor, { limit: 200 });
    expect(entries.length).to.be.greaterThan(0);
    expect(entries.every((e) => e.district?.id === 1)).to.equal(true);
    expect(entries.map((e) => e.target.id)).to.include(tipId);
    expect(entries.map((e) => e.target.id)).not.to.include(farTipId);
    expect(entries.map((e) => e.action)).not.to.include('points.adjust');
    expect((await list(supervisor, { actorId: farOfficer.user.id })).entries).to.deep.equal([]);
    expect((await list(supervisor, { tipId: farTipId })).entries).to.deep.equal([]);
    const far = await list(farSupervisor, { tipId: farTipId });
    expect(far.entries.map((e) => e.action)).to.deep.equal(['tip.triage']);
  });

  it('hides whom a reveal exposed from supervisors; admins see it', async () => {
    const forSupervisor = (await list(supervisor, { action: 'identity.revealed', tipId })).entries;
    expect(forSupervisor).to.have.length(1);
    expect(forSupervisor[0].details).to.include({ reason: REASON });
    expect(forSupervisor[0].details).not.to.have.property('reporterId');
    expect(JSON.stringify(forSupervisor)).not.to.include(reporter.user.id);
    const forAdmin = (await list(admin, { action: 'identity.revealed', tipId })).entries;
    expect(forAdmin[0].details).to.include({ reporterId: reporter.user.id });
  });

  it('refuses other roles (403) and callers without a session (401)', async () => {
    for (const role of ['volunteer', 'organizer', 'officer'] as const) {
      const who = await createUser({ role });
      const res = await api().get('/api/admin/audit').set(who.auth).expect(403);
      expect(res.body.error.code).to.equal('FORBIDDEN');
      await api().get('/api/admin/audit.csv').set(who.auth).expect(403);
    }
    await api().get('/api/admin/audit').expect(401);
    await api().get('/api/admin/audit.csv').expect(401);
  });

  it('filters by actor, action (exact or a family ending in "."), tip and time range', async () => {
    expect((await list(admin, { actorId: officer.user.id })).entries.map((e) => e.action)).to.deep.equal(['tip.triage', 'tip.claim']);
    expect((await list(admin, { actorId: officer.user.id, action: 'tip.claim' })).entries).to.have.length(1);
    expect((await list(admin, { tipId, action: 'tip.' })).entries.map((e) => e.action)).to.deep.equal(['tip.triage', 'tip.claim']);
    // "tip." is a prefix, not a pattern: "tip_" or "%" match nothing
    expect((await list(admin, { action: 'tip_claim' })).entries).to.deep.equal([]);
    const day2 = await list(admin, { actorId: officer.user.id, from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' });
    expect(day2.entries.map((e) => e.action)).to.deep.equal(['tip.triage']);
    const before = await list(admin, { actorId: officer.user.id, to: '2026-03-02T02:00:00Z' });
    expect(before.entries.map((e) => e.action)).to.deep.equal(['tip.claim']);
  });

  it('pages with a cursor: every entry once, in order', async () => {
    const all = (await list(admin, { tipId })).entries.map((e) => e.id);
    expect(all.length).to.be.at.least(3);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { entries: Entry[]; nextCursor: string | null } = await list(admin, { tipId, limit: 1, ...(cursor ? { cursor } : {}) });
      expect(page.entries.length).to.be.at.most(1);
      seen.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).to.deep.equal(all);
  });

  it('answers bad filters with 400 naming the field', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ actorId: 'nope' }, 'actorId'],
      [{ tipId: '42' }, 'tipId'],
      [{ action: 'DROP TABLE' }, 'action'],
      [{ from: 'yesterday' }, 'from'],
      [{ from: '2026-03-02', to: '2026-03-01' }, 'to'],
      [{ cursor: 'garbage' }, 'cursor'],
      [{ limit: '0' }, 'limit'],
      [{ colour: 'red' }, 'colour'],
    ];
    for (const [query, field] of cases) {
      const res = await api().get('/api/admin/audit').query(query).set(admin.auth).expect(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field), JSON.stringify(query)).to.include(field);
      await api().get('/api/admin/audit.csv').query(query).set(admin.auth).expect(400);
    }
  });

  it('exports CSV (UTF-8 with BOM) that parses back to the same entries, and audits the export', async () => {
    const res = await api().get('/api/admin/audit.csv').query({ tipId }).set(supervisor.auth).expect(200);
    expect(res.headers['content-type']).to.equal('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).to.match(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = csvText(res);
    expect(text.charCodeAt(0)).to.equal(0xfeff);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    const listed = (await list(supervisor, { tipId })).entries;
    expect(rows.map((r) => Number(r.id))).to.deep.equal(listed.map((e) => e.id));
    const triage = rows.find((r) => r.action === 'tip.triage')!;
    expect(triage).to.include({ actor_id: officer.user.id, actor_role: 'officer', target_type: 'tip', target_id: tipId, district: '雁峰区', time: '2026-03-02T02:00:00.000Z' });
    expect(JSON.parse(triage.details)).to.include({ decision: 'valid' });
    // a display name that a spreadsheet would run as a formula is neutralised
    expect(triage.actor_name).to.equal(`'${officer.user.displayName}`);
    // whom the reveal exposed stays out of a supervisor's export too
    expect(text).not.to.include(reporter.user.id);

    const exports = (await list(supervisor, { action: 'audit.export', actorId: supervisor.user.id })).entries;
    expect(exports).to.have.length(1);
    expect(exports[0].details).to.deep.equal({ filters: { tipId } });
    expect(exports[0].district?.id).to.equal(1);
  });

  it('streams a long export in batches: every row, once, in order', async () => {
    const actor = (await createUser({ role: 'supervisor', districtId: 11 })).actor;
    const bulk = Array.from({ length: 2_100 }, (_, i) => ({ actorId: actor.id, actorRole: 'supervisor', action: 'test.bulk', entityType: 'test', entityId: String(i), districtId: 11 }));
    await db().insert(auditLog).values(bulk);
    const res = await api().get('/api/admin/audit.csv').query({ actorId: actor.id, action: 'test.bulk' }).set(admin.auth).expect(200);
    const rows = parse(csvText(res), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => Number(r.target_id))).to.deep.equal(Array.from({ length: 2_100 }, (_, i) => 2_099 - i));
  });

  it('never writes credentials or codes into details, however a caller names them', async () => {
    await audit(db(), {
      actor: admin.actor,
      action: 'test.secrets',
      entityType: 'test',
      details: { note: 'kept', password: 'p', temporaryPassword: 't', nested: { accessCode: 'a', totpSecret: 's', refreshToken: 'r', ok: 1 }, list: [{ secret: 'x', id: 2 }] },
    });
    const [row] = await db().select().from(auditLog).where(eq(auditLog.action, 'test.secrets'));
    expect(row.details).to.deep.equal({ note: 'kept', nested: { ok: 1 }, list: [{ id: 2 }] });
  });
});
