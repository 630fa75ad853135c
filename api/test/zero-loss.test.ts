import { expect } from 'chai';
import { startAppProcess, type AppProcess } from './support/app-process';
import { serverPassOnly } from './support/services';
import { created, load, serverDatabase, stored, until } from './support/tip-load';

/**
 * Zero lost tips, on the real process and the PostgreSQL server (TEST_DATABASE_URL): tips sent
 * continuously while the process is stopped. Every tip answered 201 is in the database exactly
 * once; nothing is half-written. The database going away under load: database-outage.test.ts.
 */
describe('zero lost tips: the real process under load (PostgreSQL server)', function () {
  this.timeout(400_000);
  let database: Awaited<ReturnType<typeof serverDatabase>>;
  let app: AppProcess | undefined;

  before(function () {
    serverPassOnly(this);
  });
  beforeEach(async () => {
    database = await serverDatabase('zl');
  });
  afterEach(async () => {
    await app?.stop();
    app = undefined;
    await database?.drop();
  });

  it('keeps every tip answered 201 exactly once across SIGTERM, and writes none that was not answered', async () => {
    app = await startAppProcess({ env: { DATABASE_URL: database.url } });
    const running = app;
    let signalled = false;
    // After the signal each client stops at its first refused connection.
    const traffic = load(running.url, 4, (o) => signalled && 'error' in o);
    await until(() => created(traffic.outcomes).length >= 20, 120_000, '20 tips');
    running.child.kill('SIGTERM');
    signalled = true;
    const { code } = await running.exited;
    await traffic.done;
    expect(code, running.output()).to.equal(0);

    const ok = created(traffic.outcomes);
    const { counts, withoutHistory } = await stored(database.url);
    expect(withoutHistory).to.equal(0);
    for (const marker of ok) expect(counts.get(marker), marker).to.equal(1);
    // Graceful: whatever was accepted was answered, so the database holds exactly the 201s.
    expect([...counts.keys()].sort()).to.deep.equal([...ok].sort());
    const statuses = new Set(traffic.outcomes.filter((o) => 'status' in o).map((o) => (o as { status: number }).status));
    expect([...statuses]).to.deep.equal([201]);
  });
});
