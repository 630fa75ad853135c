import { expect } from 'chai';
import { eq, sql } from 'drizzle-orm';
import { users } from '../src/db/schema/index';
import pg from 'pg';
import { createUser } from './support/factories';
import { api, db } from './support/harness';
import { serverPassOnly } from './support/services';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('database transactions', () => {
  it('runs a transaction again when PostgreSQL aborts it as a deadlock victim, so both callers succeed', async function () {
    this.timeout(20_000);
    const [a, b] = await Promise.all([createUser(), createUser()]);
    let attempts = 0;
    // Two transactions lock the same two rows in opposite order: on the server one of them is
    // chosen as the deadlock victim (40P01) and must be retried, not surfaced. (PGlite runs
    // transactions one after another, where the same code simply succeeds.)
    const lockBoth = (first: string, second: string) =>
      db().transaction(async (tx) => {
        attempts++;
        await tx.select().from(users).where(eq(users.id, first)).for('update');
        await pause(150);
        await tx.select().from(users).where(eq(users.id, second)).for('update');
        await tx.update(users).set({ displayName: sql`${users.displayName}` }).where(eq(users.id, second));
      });
    await Promise.all([lockBoth(a.user.id, b.user.id), lockBoth(b.user.id, a.user.id)]);
    expect(attempts).to.be.at.least(2);
    if (process.env.TEST_DATABASE_URL) expect(attempts).to.equal(3);
  });

  it('gives up on an error that is not a deadlock, without running the work again', async () => {
    let attempts = 0;
    const failing = db().transaction(async (tx) => {
      attempts++;
      await tx.execute(sql`select 1/0`);
    });
    let caught: unknown;
    await failing.catch((err: unknown) => (caught = err));
    expect(caught).to.be.instanceOf(Error);
    expect(attempts).to.equal(1);
  });
});

describe('database server restarts', () => {
  it('survives the server dropping every connection: the pool reconnects and requests go on', async function () {
    // PGlite is in-process and has no connections to drop.
    serverPassOnly(this);
    this.timeout(20_000);
    const [{ name }] = (await db().execute<{ name: string }>(sql`select current_database() as name`)).rows;
    await api().get('/readyz').expect(200);
    // What a restart does to the app's pool: every backend of this database is terminated.
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      const killed = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
      expect(killed.rowCount).to.be.greaterThan(0);
    } finally {
      await admin.end();
    }
    await pause(200);
    // At most the requests that were using a dropped connection fail (503); then it recovers.
    let ready = 0;
    for (let i = 0; i < 30 && ready === 0; i++) {
      const res = await api().get('/readyz');
      expect([200, 503]).to.include(res.status);
      if (res.status === 200) ready++;
    }
    expect(ready).to.equal(1);
    await api().get('/api/districts').expect(200);
  });
});
