import { expect } from 'chai';
import { eq, sql } from 'drizzle-orm';
import { openPostgres } from '../src/db/client';
import { users } from '../src/db/schema/index';
import pg from 'pg';
import { createUser } from './support/factories';
import { api, db } from './support/harness';
import { serverPassOnly } from './support/services';
import { silenceableProxy } from './support/silenceable-proxy';

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

describe('database answer deadline', () => {
  // Statement timeout 200 ms: the deadline is 2.2 s (ANSWER_GRACE_MS after it).
  const STATEMENT_TIMEOUT_MS = 200;

  it('gives each query on one connection its own deadline, queued or not, and leaves none armed once all are answered', async function () {
    serverPassOnly(this);
    this.timeout(20_000);
    const database = await openPostgres(process.env.TEST_DATABASE_URL!, { poolSize: 1, statementTimeoutMs: STATEMENT_TIMEOUT_MS });
    try {
      const client = await (database.db as unknown as { $client: pg.Pool }).$client.connect();
      try {
        const pidQuery = 'select pg_backend_pid() as pid, pg_sleep(0.08)';
        // 40 × 80 ms one after another, then 40 queued at once (pg warns that queueing on one
        // client is deprecated; it still does it): 3.2 s of work each time, longer than the
        // deadline, every query answered in time.
        const pids: pg.QueryResult<{ pid: number }>[] = [];
        for (let i = 0; i < 40; i++) pids.push(await client.query<{ pid: number }>(pidQuery));
        const noDeprecation = process.noDeprecation;
        process.noDeprecation = true;
        try {
          pids.push(...(await Promise.all(Array.from({ length: 40 }, () => client.query<{ pid: number }>(pidQuery)))));
        } finally {
          process.noDeprecation = noDeprecation;
        }
        expect(new Set(pids.map((r) => r.rows[0].pid)).size).to.equal(1);
        // A query pg refuses before sending it awaits no answer: no deadline may be left for it.
        const refused = await client.query({ text: 'select $1', values: 'not an array' as unknown as unknown[] }).then(
          () => null,
          (e: Error) => e,
        );
        expect(refused?.message).to.match(/values must be an array/);
        // Idle past the deadline: nothing was left armed to cut the connection.
        await pause(2_600);
        const after = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
        expect(after.rows[0].pid).to.equal(pids[0].rows[0].pid);
      } finally {
        client.release();
      }
    } finally {
      await database.close();
    }
  });

  it('cuts off a connection whose query the database never answers', async function () {
    serverPassOnly(this);
    this.timeout(20_000);
    const proxy = await silenceableProxy(new URL(process.env.TEST_DATABASE_URL!));
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.host = `127.0.0.1:${proxy.port}`;
    const database = await openPostgres(url.toString(), { poolSize: 1, statementTimeoutMs: STATEMENT_TIMEOUT_MS });
    try {
      await database.db.execute(sql`select 1`);
      proxy.setSilent(true);
      const started = Date.now();
      const err = await database.db.execute(sql`select 1`).then(() => null, (e: Error) => e);
      expect(String(err?.cause ?? err)).to.match(/did not answer within 2200 ms/);
      expect(Date.now() - started).to.be.within(2_000, 6_000);
    } finally {
      proxy.close();
      await database.close().catch(() => undefined);
    }
  });
});
