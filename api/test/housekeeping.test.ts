import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, utimesSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { eq, inArray, sql } from 'drizzle-orm';
import { idempotencyKeys, refreshTokens } from '../src/db/schema/index';
import { clock } from '../src/lib/clock';
import { createLogger } from '../src/lib/logger';
import { HOUSEKEEPING_CRON, HOUSEKEEPING_QUEUE, startHousekeeping } from '../src/modules/housekeeping/housekeeping.scheduler';
import { runHousekeeping } from '../src/modules/housekeeping/housekeeping.service';
import { incomingDir } from '../src/modules/media/storage';
import { createUser } from './support/factories';
import { db } from './support/harness';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('housekeeping: what only grew is purged on schedule', () => {
  it('deletes idempotency keys older than a day and keeps younger ones', async () => {
    const now = new Date('2026-06-01T12:00:00Z');
    clock.set(now);
    const scope = `user:${randomUUID()}`;
    await db()
      .insert(idempotencyKeys)
      .values([
        { scope, key: 'day-old-plus', requestHash: 'x', createdAt: new Date(now.getTime() - 23 * HOUR) },
        { scope, key: 'fresh', requestHash: 'x', createdAt: new Date(now.getTime() - 1 * HOUR) },
      ]);
    await runHousekeeping({ retentionDays: 365 });
    expect((await db().select().from(idempotencyKeys).where(eq(idempotencyKeys.scope, scope))).map((r) => r.key).sort()).to.deep.equal(['day-old-plus', 'fresh']);
    // Two hours later the first is 25 hours old.
    clock.advance(2 * HOUR);
    const result = await runHousekeeping({ retentionDays: 365 });
    expect(result.idempotencyKeys).to.be.at.least(1);
    expect((await db().select().from(idempotencyKeys).where(eq(idempotencyKeys.scope, scope))).map((r) => r.key)).to.deep.equal(['fresh']);
  });

  it('deletes refresh-token chains past their life or revoked over a day ago, and keeps live chains whole', async () => {
    const now = new Date('2026-06-01T12:00:00Z');
    clock.set(now);
    const { user } = await createUser({ role: 'volunteer', districtId: 1 });
    const at = (ms: number) => new Date(now.getTime() + ms);
    const token = (familyId: string, t: { expiresAt: Date; usedAt?: Date; revokedAt?: Date }) => ({
      userId: user.id,
      tokenHash: randomBytes(32).toString('hex'),
      familyId,
      createdAt: at(-40 * DAY),
      ...t,
    });
    const [expired, live, revokedLongAgo, revokedToday] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await db()
      .insert(refreshTokens)
      .values([
        token(expired, { expiresAt: at(-2 * DAY), usedAt: at(-9 * DAY) }),
        token(expired, { expiresAt: at(-1 * HOUR) }),
        // A spent token of a live chain stays: presenting it must still revoke the chain.
        token(live, { expiresAt: at(-1 * DAY), usedAt: at(-20 * DAY) }),
        token(live, { expiresAt: at(10 * DAY) }),
        token(revokedLongAgo, { expiresAt: at(20 * DAY), revokedAt: at(-2 * DAY) }),
        token(revokedLongAgo, { expiresAt: at(21 * DAY), revokedAt: at(-2 * DAY) }),
        token(revokedToday, { expiresAt: at(20 * DAY), revokedAt: at(-1 * HOUR) }),
      ]);
    const families = [expired, live, revokedLongAgo, revokedToday];
    const result = await runHousekeeping({ retentionDays: 365 });
    expect(result.refreshTokens).to.be.at.least(4);
    const left = await db().select().from(refreshTokens).where(inArray(refreshTokens.familyId, families));
    expect(left.filter((r) => r.familyId === live)).to.have.length(2);
    expect(left.filter((r) => r.familyId === revokedToday)).to.have.length(1);
    expect(left.filter((r) => r.familyId === expired || r.familyId === revokedLongAgo)).to.deep.equal([]);
    // A day later the chain revoked today goes too; the live one still stays.
    clock.advance(DAY);
    await runHousekeeping({ retentionDays: 365 });
    const after = await db().select().from(refreshTokens).where(inArray(refreshTokens.familyId, families));
    expect(after.map((r) => r.familyId)).to.deep.equal([live, live]);
  });

  it('removes temp uploads a killed process left behind, never one in progress', async () => {
    mkdirSync(incomingDir(), { recursive: true });
    const stale = path.join(incomingDir(), `${randomUUID()}.tmp`);
    const current = path.join(incomingDir(), `${randomUUID()}.tmp`);
    writeFileSync(stale, 'half an upload');
    writeFileSync(current, 'an upload in progress');
    const twoHoursAgo = new Date(Date.now() - 2 * HOUR);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);
    try {
      const result = await runHousekeeping({ retentionDays: 365 });
      expect(result.staleUploads).to.equal(1);
      expect(existsSync(stale)).to.equal(false);
      expect(existsSync(current)).to.equal(true);
    } finally {
      rmSync(current, { force: true });
      rmSync(stale, { force: true });
    }
  });

  it('registers one hourly schedule in pg-boss however many instances start (PostgreSQL server)', async function () {
    // pg-boss needs a PostgreSQL server; on PGlite the app uses an in-process timer instead.
    if (!process.env.TEST_DATABASE_URL) this.skip();
    this.timeout(60_000);
    const [{ name }] = (await db().execute<{ name: string }>(sql`select current_database() as name`)).rows;
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    const log = createLogger('silent');
    const first = await startHousekeeping({ databaseUrl: url.toString(), retentionDays: 365, log });
    const second = await startHousekeeping({ databaseUrl: url.toString(), retentionDays: 365, log });
    try {
      const schedules = await db().execute<{ name: string; cron: string; timezone: string }>(
        sql`select name, cron, timezone from pgboss.schedule where name = ${HOUSEKEEPING_QUEUE}`,
      );
      expect(schedules.rows).to.deep.equal([{ name: HOUSEKEEPING_QUEUE, cron: HOUSEKEEPING_CRON, timezone: 'Asia/Shanghai' }]);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });
});
