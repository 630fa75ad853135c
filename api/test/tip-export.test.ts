import http from 'node:http';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { auditLog, communities, tips } from '../src/db/schema/index';
import { clock } from '../src/lib/clock';
import { EXPORT_BATCH } from '../src/modules/tip-exports/tip-export';
import { api, db, harness, listen, resetDb } from './support/harness';
import { createUser, type TestUser } from './support/factories';
import { insertBulkTips } from './support/bulk-tips';
import { createCast, tipIn, type Cast } from './support/police';

const COLUMNS = ['reference', 'submitted_at', 'decided_at', 'district', 'community', 'category', 'status', 'priority', 'case_reference'];

type Row = Record<(typeof COLUMNS)[number], string>;

async function exportCsv(who: TestUser, query: Record<string, string> = {}) {
  const res = await api().get('/api/tips/export.csv').query(query).set(who.auth).buffer(true);
  expect(res.status, res.text).to.equal(200);
  return res;
}

function rowsOf(text: string): Row[] {
  expect(text.charCodeAt(0), 'UTF-8 BOM first').to.equal(0xfeff);
  const records = parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Row[];
  expect(Object.keys(records[0] ?? Object.fromEntries(COLUMNS.map((c) => [c, ''])))).to.deep.equal(COLUMNS);
  return records;
}

describe('tip CSV export', () => {
  let cast: Cast;
  let reporter: TestUser;
  let valid: { id: string; reference: string };
  let anonymous: { id: string; reference: string };
  let far: { id: string; reference: string };
  let caseReference: string;
  let communityId: number;
  let communityName: string;

  before(async () => {
    await resetDb();
    cast = await createCast(1, 11);
    reporter = await createUser({ role: 'volunteer', districtId: 1, displayName: '举报人王五' });
    [{ id: communityId, nameZh: communityName }] = await db()
      .select({ id: communities.id, nameZh: communities.nameZh })
      .from(communities)
      .where(eq(communities.id, reporter.user.communityId!));
    clock.set('2026-03-01T02:00:00Z');
    valid = await tipIn(1, { reporter, input: { category: 'fraud', description: '有人冒充公检法打电话要求转账到安全账户' } });
    clock.set('2026-03-02T02:00:00Z');
    anonymous = await tipIn(1, { reporter: null, input: { category: 'drugs' } });
    far = await tipIn(11, { reporter: null });
    clock.set('2026-03-03T02:00:00Z');
    const created = await api().post('/api/cases').set(cast.officer.auth).send({ title: '冒充公检法诈骗' }).expect(201);
    caseReference = created.body.case.reference;
    await api()
      .post(`/api/tips/${valid.id}/triage`)
      .set(cast.officer.auth)
      .send({ decision: 'valid', priority: 'high', caseId: created.body.case.id })
      .expect(200);
    clock.reset();
    // Submission times are the database's; pin them for exact rows.
    await db().update(tips).set({ createdAt: new Date('2026-03-01T02:00:00Z') }).where(eq(tips.id, valid.id));
    await db().update(tips).set({ createdAt: new Date('2026-03-02T02:00:00Z') }).where(inArray(tips.id, [anonymous.id, far.id]));
  });

  after(async () => {
    await db().update(communities).set({ nameZh: communityName }).where(eq(communities.id, communityId));
  });

  it('gives a supervisor one row per tip of their district, oldest first, with times, places, category, status, priority and case', async () => {
    const res = await exportCsv(cast.supervisor);
    expect(res.headers['content-type']).to.equal('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).to.match(/^attachment; filename="tips-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = rowsOf(res.text);
    expect(rows).to.deep.equal([
      {
        reference: valid.reference,
        submitted_at: '2026-03-01T02:00:00.000Z',
        decided_at: '2026-03-03T02:00:00.000Z',
        district: '雁峰区',
        community: communityName,
        category: 'fraud',
        status: 'valid',
        priority: 'high',
        case_reference: caseReference,
      },
      {
        reference: anonymous.reference,
        submitted_at: '2026-03-02T02:00:00.000Z',
        decided_at: '',
        district: '雁峰区',
        community: '',
        category: 'drugs',
        status: 'submitted',
        priority: 'normal',
        case_reference: '',
      },
    ]);
  });

  it('never writes the reporter’s identity or the tip’s text', async () => {
    const { text } = await exportCsv(cast.admin);
    for (const secret of [reporter.user.displayName, reporter.user.phone, reporter.user.id, '冒充公检法打电话', '先锋路88号', valid.id])
      expect(text).not.to.include(secret);
  });

  it('applies the queue’s filters and the period', async () => {
    const refs = async (query: Record<string, string>) => rowsOf((await exportCsv(cast.supervisor, query)).text).map((r) => r.reference);
    expect(await refs({ status: 'valid' })).to.deep.equal([valid.reference]);
    expect(await refs({ category: 'drugs' })).to.deep.equal([anonymous.reference]);
    expect(await refs({ priority: 'high' })).to.deep.equal([valid.reference]);
    expect(await refs({ from: '2026-03-02T00:00:00Z' })).to.deep.equal([anonymous.reference]);
    expect(await refs({ to: '2026-03-02T00:00:00Z' })).to.deep.equal([valid.reference]);
    expect(await refs({ q: '冒充公检法' })).to.deep.equal([valid.reference]);
    expect(await refs({ status: 'invalid' })).to.deep.equal([]);
  });

  it('applies the queue’s "claimed by me", "unclaimed" and on-site check filters as of the export', async () => {
    const refs = async (who: TestUser, query: Record<string, string>) => rowsOf((await exportCsv(who, query)).text).map((r) => r.reference);
    const now = clock.now().getTime();
    // The supervisor holds a live claim on the anonymous tip; the officer's claim on the valid one has lapsed.
    await db().update(tips).set({ claimedById: cast.supervisor.user.id, claimExpiresAt: new Date(now + 3_600_000) }).where(eq(tips.id, anonymous.id));
    await db().update(tips).set({ claimedById: cast.officer.user.id, claimExpiresAt: new Date(now - 1000) }).where(eq(tips.id, valid.id));
    await db().update(tips).set({ verificationStatus: 'open', verificationDueAt: new Date(now - 1000) }).where(eq(tips.id, anonymous.id));
    try {
      expect(await refs(cast.supervisor, { claim: 'mine' })).to.deep.equal([anonymous.reference]);
      expect(await refs(cast.supervisor, { claim: 'unclaimed' })).to.deep.equal([valid.reference]);
      expect(await refs(cast.admin, { claim: 'mine' })).to.deep.equal([]);
      expect(await refs(cast.supervisor, { verification: 'overdue' })).to.deep.equal([anonymous.reference]);
      expect(await refs(cast.supervisor, { verification: 'pending' })).to.deep.equal([]);
      const bad = await api().get('/api/tips/export.csv').query({ claim: 'theirs', verification: 'late' }).set(cast.admin.auth).expect(400);
      expect(bad.body.error.details.map((d: { field: string }) => d.field)).to.have.members(['claim', 'verification']);
    } finally {
      await db()
        .update(tips)
        .set({ claimedById: null, claimExpiresAt: null, verificationStatus: null, verificationDueAt: null })
        .where(inArray(tips.id, [anonymous.id, valid.id]));
    }
  });

  it('gives an admin the whole city, or one district when asked', async () => {
    const all = rowsOf((await exportCsv(cast.admin)).text).map((r) => r.reference);
    expect(all).to.have.members([valid.reference, anonymous.reference, far.reference]);
    const district = rowsOf((await exportCsv(cast.admin, { districtId: '11' })).text);
    expect(district.map((r) => [r.reference, r.district])).to.deep.equal([[far.reference, '耒阳市']]);
  });

  it('refuses everyone but supervisors and admins, and another district', async () => {
    await api().get('/api/tips/export.csv').expect(401);
    for (const who of [cast.volunteer, cast.organizer, cast.auxiliary, cast.officer]) {
      const res = await api().get('/api/tips/export.csv').set(who.auth);
      expect(res.status, who.user.role).to.equal(403);
      expect(res.body.error.code).to.equal('FORBIDDEN');
    }
    await api().get('/api/tips/export.csv').query({ districtId: 11 }).set(cast.supervisor.auth).expect(403);
  });

  it('names each bad filter (400)', async () => {
    const res = await api()
      .get('/api/tips/export.csv')
      .query({ status: 'lost', from: 'yesterday', priority: 'top', districtId: 'x', colour: 'red' })
      .set(cast.admin.auth)
      .expect(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).to.have.members(['status', 'from', 'priority', 'districtId', 'colour']);
    const backwards = await api().get('/api/tips/export.csv').query({ from: '2026-03-02', to: '2026-03-01' }).set(cast.admin.auth).expect(400);
    expect(backwards.body.error.details[0].field).to.equal('to');
  });

  it('is audited with its filters', async () => {
    await exportCsv(cast.supervisor, { category: 'fraud' });
    const entries = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'tip.export'), eq(auditLog.actorId, cast.supervisor.user.id)));
    expect(entries.at(-1)).to.deep.include({ actorRole: 'supervisor', entityType: 'tip', districtId: 1 });
    expect((entries.at(-1)!.details as { filters: Record<string, unknown> }).filters).to.include({ category: 'fraud' });
  });

  it('quotes a cell that a spreadsheet would run as a formula', async () => {
    await db().update(communities).set({ nameZh: '=HYPERLINK("http://evil","点我")' }).where(eq(communities.id, communityId));
    const [row] = rowsOf((await exportCsv(cast.supervisor, { status: 'valid' })).text);
    expect(row.community).to.equal(`'=HYPERLINK("http://evil","点我")`);
    await db().update(communities).set({ nameZh: communityName }).where(eq(communities.id, communityId));
  });

  describe('many rows', () => {
    const N = EXPORT_BATCH * 2 + 7;
    before(async () => {
      // Same minute for the first batch's boundary: the keyset must break ties by id.
      await insertBulkTips({ n: N, districtId: 12, start: '2025-06-01T00:00:00Z' });
      await db().execute(sql`UPDATE tips SET created_at = '2025-06-01T00:00:00Z' WHERE district_id = 12 AND reference LIKE 'BULK%' AND created_at < '2025-06-02'`);
    });

    it('streams every tip exactly once across batches, in order', async () => {
      const rows = rowsOf((await exportCsv(cast.admin, { districtId: '12' })).text);
      expect(rows).to.have.length(N);
      expect(new Set(rows.map((r) => r.reference)).size).to.equal(N);
      const times = rows.map((r) => r.submitted_at);
      expect([...times].sort()).to.deep.equal(times);
    });

    it('leaves no open statement, transaction or pool connection behind when the client hangs up mid-export', async function () {
      await insertBulkTips({ n: 20_000, districtId: 12, start: '2025-09-01T00:00:00Z' });
      const server = await listen(harness().app);
      try {
        const received = await new Promise<number>((resolve, reject) => {
          const req = http.get(`${server.url}/api/tips/export.csv?districtId=12`, { headers: cast.admin.auth }, (res) => {
            let bytes = 0;
            res.on('data', (chunk: Buffer) => {
              bytes += chunk.length;
              // Hang up after the first rows, long before the end.
              if (bytes > 64 * 1024) {
                req.destroy();
                resolve(bytes);
              }
            });
            res.on('end', () => reject(new Error('the export ended before the client hung up')));
          });
          req.on('error', () => undefined);
        });
        expect(received).to.be.greaterThan(64 * 1024);
        if (harness().database.kind === 'postgres') {
          let busy: unknown[] = [];
          for (let i = 0; i < 50; i++) {
            const result = await db().execute<{ state: string; query: string }>(sql`
              SELECT state, query FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid()
                AND (state <> 'idle' OR xact_start IS NOT NULL)`);
            busy = result.rows;
            if (!busy.length) break;
            await new Promise((r) => setTimeout(r, 100));
          }
          expect(busy, 'sessions still busy').to.deep.equal([]);
        }
        if (harness().database.kind === 'postgres') {
          // The pool is whole: as many parallel queries as it has connections all get one at once
          // (20 × 50 ms one after another would take a second; at once, a fraction of it). PGlite is
          // one connection that runs everything in turn, so there is no pool to check there.
          const started = Date.now();
          await Promise.all(Array.from({ length: 20 }, () => db().execute(sql`SELECT pg_sleep(0.05)`)));
          expect(Date.now() - started).to.be.below(2000);
        }
        // And the app still answers the next export (on PGlite: its one connection is free).
        await exportCsv(cast.supervisor, { status: 'valid' });
      } finally {
        await server.close();
      }
    });
  });
});
