import { expect } from 'chai';
import { startAppProcess, type AppProcess } from './support/app-process';
import { serverPassOnly } from './support/services';
import { silenceableProxy } from './support/silenceable-proxy';
import { adminQuery, created, load, serverDatabase, stored, until, type Outcome } from './support/tip-load';

/**
 * The database going away under load, on the real process and the PostgreSQL server
 * (TEST_DATABASE_URL), in the two ways it happens (docs/operations.md, "Database outages"):
 * - refused: every connection terminated and new ones refused (a restart, a failover, an admin
 *   closing the database) — here `ALLOW_CONNECTIONS false` + `pg_terminate_backend` on the test's
 *   own database;
 * - silent: the network path drops everything (a partition, a proxy or firewall eating packets)
 *   — here a small TCP proxy in front of the server that stops forwarding and drops what it gets.
 * While away the app answers 503 JSON with Retry-After (never a 500, never a request hanging
 * past the connect timeout or the answer deadline), every tip answered 201 is stored once with
 * its history row, nothing half-written, and when the database returns the app recovers by
 * itself, without a restart.
 */
const OUTAGE_MS = 4_000;
/** The pool's connect timeout (5 s) or the answer deadline (statement timeout + 2 s), plus slack for a shared machine. */
const LONGEST_MS = 8_000;

describe('database outage: the real process under load (PostgreSQL server)', function () {
  this.timeout(300_000);
  let database: Awaited<ReturnType<typeof serverDatabase>>;
  let app: AppProcess | undefined;
  let proxy: { port: number; setSilent: (silent: boolean) => void; close: () => void } | undefined;

  before(function () {
    serverPassOnly(this);
  });
  beforeEach(async () => {
    database = await serverDatabase('outage');
  });
  afterEach(async () => {
    await app?.stop();
    app = undefined;
    proxy?.close();
    proxy = undefined;
    await adminQuery(`ALTER DATABASE ${database.name} WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
    await database?.drop();
  });

  /** Load before, during and after `outage()`; then the assertions common to both kinds. */
  async function underLoad(running: AppProcess, outage: { begin: () => Promise<void>; end: () => Promise<void> }) {
    let finished = false;
    const traffic = load(running.url, 4, () => finished);
    await until(() => created(traffic.outcomes).length >= 20, 120_000, '20 tips before the outage');
    const began = traffic.elapsed();
    await outage.begin();
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    await outage.end();
    const ended = traffic.elapsed();
    const before = created(traffic.outcomes).length;
    // Recovered by itself: tips are accepted again, the process was never restarted.
    await until(() => created(traffic.outcomes).length >= before + 20, 60_000, '20 tips after the database returned');
    finished = true;
    await traffic.done;
    expect(running.child.exitCode, running.output()).to.equal(null);

    const refused = traffic.outcomes.filter((o) => !('status' in o) || o.status !== 201);
    const report = (os: Outcome[]) => JSON.stringify(os.slice(0, 5));
    // The outage was seen: requests were refused, and only with the contract's 503.
    expect(refused.length, 'requests refused while the database was away').to.be.greaterThan(0);
    for (const o of refused) {
      expect(o, report([o])).to.have.property('status', 503);
      expect(o, report([o])).to.include({ code: 'UNAVAILABLE', retryAfter: '5' });
    }
    const slow = traffic.outcomes.filter((o) => o.ms > LONGEST_MS);
    expect(slow, report(slow)).to.deep.equal([]);
    // Refusals belong to the outage (a request sent just before it may be refused within it).
    for (const o of refused) expect(o.sentAt, report([o])).to.be.within(began - LONGEST_MS, ended + LONGEST_MS);

    const ok = created(traffic.outcomes);
    const { counts, withoutHistory } = await stored(database.url);
    expect(withoutHistory, 'tips without a history row').to.equal(0);
    for (const marker of ok) expect(counts.get(marker), marker).to.equal(1);
    // A refused request may still have committed (its COMMIT answered into the void): it is in the
    // database whole, once, and its retry with the same Idempotency-Key finds it.
    const sent = new Set(traffic.outcomes.map((o) => o.marker));
    for (const [marker, n] of counts) {
      expect(sent.has(marker), marker).to.equal(true);
      expect(n, marker).to.equal(1);
    }
  }

  it('answers 503 while connections are refused and terminated, loses no tip, and recovers by itself', async () => {
    app = await startAppProcess({ env: { DATABASE_URL: database.url } });
    await underLoad(app, {
      begin: async () => {
        await adminQuery(`ALTER DATABASE ${database.name} WITH ALLOW_CONNECTIONS false`);
        await adminQuery(
          `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${database.name}' and pid <> pg_backend_pid()`,
        );
      },
      end: async () => {
        await adminQuery(`ALTER DATABASE ${database.name} WITH ALLOW_CONNECTIONS true`);
      },
    });
  });

  it('answers 503 within the answer deadline while the database is silent, loses no tip, and recovers by itself', async () => {
    proxy = await silenceableProxy(new URL(database.url));
    const url = new URL(database.url);
    url.host = `127.0.0.1:${proxy.port}`;
    // A short statement timeout keeps the test short: the deadline is 1.5 s + 2 s of grace.
    app = await startAppProcess({ env: { DATABASE_URL: url.toString(), DATABASE_STATEMENT_TIMEOUT_MS: '1500' } });
    const silent = proxy;
    await underLoad(app, {
      begin: async () => silent.setSilent(true),
      end: async () => silent.setSilent(false),
    });
  });
});
