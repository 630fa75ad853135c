import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { count, eq, inArray, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { cases, media, messages, tipHistory, tips } from '../src/db/schema/index';
import { purgeExpired } from '../src/modules/retention/retention.service';
import { api, db, harness } from './support/harness';
import { createTip, createUser, validTipInput, type TestUser } from './support/factories';
import { withMigratedPglite } from './support/app-process';

const DAY = 86_400_000;
const run = promisify(execFile);

async function tipWithPhoto(reporter: TestUser): Promise<{ id: string; file: string }> {
  const jpeg = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#c33' } }).jpeg().toBuffer();
  const input = validTipInput();
  const res = await api()
    .post('/api/tips')
    .set(reporter.auth)
    .field('category', input.category)
    .field('description', input.description)
    .field('occurredAt', input.occurredAt.toISOString())
    .field('lat', String(input.lat))
    .field('lng', String(input.lng))
    .field('districtId', String(input.districtId))
    .attach('photos', jpeg, { filename: 'p.jpg', contentType: 'image/jpeg' })
    .expect(201);
  const [row] = await db().select().from(media).where(eq(media.tipId, res.body.tip.id));
  return { id: res.body.tip.id, file: path.join(harness().config.uploadDir, row.storageKey) };
}

/** Decides a tip `daysAgo` days ago (test set-up: the triage module is not under test here). */
async function decide(tipId: string, status: 'valid' | 'invalid' | 'duplicate', daysAgo: number, caseId: string | null = null) {
  const at = new Date(Date.now() - daysAgo * DAY);
  await db().update(tips).set({ status, decidedAt: at, updatedAt: at, caseId }).where(eq(tips.id, tipId));
}

async function newCase(creator: TestUser, status: 'open' | 'investigating' | 'solved' | 'closed', daysAgo: number) {
  const at = new Date(Date.now() - daysAgo * DAY);
  const [row] = await db()
    .insert(cases)
    .values({
      reference: `CASE-RET-${Math.random().toString(36).slice(2, 10)}`,
      districtId: 1,
      title: '保留期测试案件',
      status,
      createdById: creator.user.id,
      closedAt: status === 'closed' ? at : null,
      solvedAt: status === 'solved' ? at : null,
      updatedAt: at,
    })
    .returning();
  return row.id;
}

async function say(tipId: string, who: TestUser, body: string) {
  await api().post(`/api/tips/${tipId}/messages`).set(who.auth).send({ body }).expect(201);
}

const messageCount = async (tipId: string) => Number((await db().select({ n: count() }).from(messages).where(eq(messages.tipId, tipId)))[0].n);

describe('retention: closed tips lose photos and messages after N days, statistics stay', () => {
  let reporter: TestUser;
  let officer: TestUser;
  const t: Record<string, { id: string; file: string }> = {};

  before(async function () {
    this.timeout(60_000);
    [reporter, officer] = await Promise.all([createUser({ role: 'volunteer' }), createUser({ role: 'officer', districtId: 1 })]);
    for (const name of ['oldValid', 'oldInvalid', 'recentValid', 'oldUndecided', 'oldOpenCase', 'oldClosedCase', 'recentlyClosedCase']) {
      t[name] = await tipWithPhoto(reporter);
      await say(t[name].id, officer, '请补充细节');
      await say(t[name].id, reporter, '好的');
    }
    await decide(t.oldValid.id, 'valid', 400);
    await decide(t.oldInvalid.id, 'invalid', 366);
    await decide(t.recentValid.id, 'valid', 300);
    await db().update(tips).set({ updatedAt: new Date(Date.now() - 500 * DAY) }).where(eq(tips.id, t.oldUndecided.id));
    await decide(t.oldOpenCase.id, 'valid', 400, await newCase(officer, 'investigating', 400));
    await decide(t.oldClosedCase.id, 'valid', 500, await newCase(officer, 'closed', 380));
    await decide(t.recentlyClosedCase.id, 'valid', 500, await newCase(officer, 'solved', 20));
  });

  it('purges photos (files and rows) and messages of closed tips past the retention, and nothing else', async () => {
    const ids = Object.values(t).map((x) => x.id);
    const statsBefore = await db().select({ id: tips.id, status: tips.status, category: tips.category }).from(tips).where(inArray(tips.id, ids));
    const historyBefore = Number((await db().select({ n: count() }).from(tipHistory).where(inArray(tipHistory.tipId, ids)))[0].n);

    const result = await purgeExpired({ retentionDays: 365 });
    expect(result.tips).to.be.at.least(3);
    expect(result.filesFailed).to.equal(0);

    for (const name of ['oldValid', 'oldInvalid', 'oldClosedCase']) {
      const [row] = await db().select().from(tips).where(eq(tips.id, t[name].id));
      expect(row.purgedAt, name).to.be.an.instanceOf(Date);
      expect(existsSync(t[name].file), `${name} photo file`).to.equal(false);
      const [m] = await db().select().from(media).where(eq(media.tipId, t[name].id));
      expect(m.purgedAt, name).to.be.an.instanceOf(Date);
      expect(await messageCount(t[name].id), name).to.equal(0);
    }
    for (const name of ['recentValid', 'oldUndecided', 'oldOpenCase', 'recentlyClosedCase']) {
      const [row] = await db().select().from(tips).where(eq(tips.id, t[name].id));
      expect(row.purgedAt, name).to.equal(null);
      expect(existsSync(t[name].file), `${name} photo file`).to.equal(true);
      expect(await messageCount(t[name].id), name).to.equal(2);
    }

    // statistics: every tip row, its status, category and history are still there
    const statsAfter = await db().select({ id: tips.id, status: tips.status, category: tips.category }).from(tips).where(inArray(tips.id, ids));
    expect(statsAfter).to.have.deep.members(statsBefore);
    expect(Number((await db().select({ n: count() }).from(tipHistory).where(inArray(tipHistory.tipId, ids)))[0].n)).to.equal(historyBefore);

    // the reporter still sees the tip, without photos; the thread is empty and closed
    const own = await api().get(`/api/tips/${t.oldValid.id}`).set(reporter.auth).expect(200);
    expect(own.body.tip.status).to.equal('valid');
    expect(own.body.tip.media).to.deep.equal([]);
    expect((await api().get(`/api/tips/${t.oldValid.id}/messages`).set(reporter.auth).expect(200)).body.messages).to.deep.equal([]);
    await api().post(`/api/tips/${t.oldValid.id}/messages`).set(officer.auth).send({ body: '还在吗' }).expect(409);
  });

  it('does nothing the second time', async () => {
    const again = await purgeExpired({ retentionDays: 365 });
    expect(again).to.deep.equal({ tips: 0, media: 0, messages: 0, filesFailed: 0 });
  });

  it('honours a shorter retention', async () => {
    const result = await purgeExpired({ retentionDays: 299 });
    expect(result.tips).to.be.at.least(1);
    const [row] = await db().select().from(tips).where(eq(tips.id, t.recentValid.id));
    expect(row.purgedAt).to.be.an.instanceOf(Date);
  });

  it('runs as a command line script and prints a JSON summary', async function () {
    this.timeout(120_000);
    const apiDir = path.resolve(import.meta.dirname, '..');
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hy-retention-'));
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO: 'false' };
    let target: string | null = null;
    if (process.env.TEST_DATABASE_URL) {
      // On the server the script runs against this very database and purges a tip made for it.
      const name = (await db().execute<{ db: string }>(sql`SELECT current_database() AS db`)).rows[0].db;
      const url = new URL(process.env.TEST_DATABASE_URL);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
      env.UPLOAD_DIR = harness().config.uploadDir;
      target = (await createTip(reporter)).tip.id;
      await say(target, officer, '最后一条');
      await decide(target, 'duplicate', 40);
    } else {
      delete env.DATABASE_URL;
      await withMigratedPglite(dataDir);
    }
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/scripts/retention.ts', '--days', '30'], { cwd: apiDir, env });
      const summary = JSON.parse(stdout.trim().split('\n').at(-1)!);
      expect(summary.retentionDays).to.equal(30);
      expect(summary.purged).to.have.all.keys('tips', 'media', 'messages', 'filesFailed');
      if (target) {
        expect(summary.purged.tips).to.be.at.least(1);
        expect(await messageCount(target)).to.equal(0);
      }
      const refused = await run(process.execPath, ['--import', 'tsx', 'src/scripts/retention.ts', '--days', 'zero'], { cwd: apiDir, env }).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(refused).to.include({ code: 2 });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
