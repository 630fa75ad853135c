import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import pg from 'pg';
import { startAppProcess, type AppProcess } from './support/app-process';

/**
 * Zero lost tips, on the real process and the PostgreSQL server (TEST_DATABASE_URL): tips sent
 * continuously while the process is stopped. Every tip answered 201 is in the database exactly
 * once; nothing is half-written.
 */
type Outcome = { marker: string; status: number } | { marker: string; error: string };

async function serverDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `hy_test_zl_${process.pid}_${randomBytes(3).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

async function sendTip(baseUrl: string, marker: string): Promise<Outcome> {
  try {
    const res = await fetch(`${baseUrl}/api/tips`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        category: 'theft_robbery',
        description: `${marker} 菜市场门口有人专门偷电动车电瓶`,
        occurredAt: new Date(Date.now() - 3600_000).toISOString(),
        address: '雁峰区先锋路88号',
        districtId: 1,
      }),
      signal: AbortSignal.timeout(20_000),
    });
    await res.arrayBuffer();
    return { marker, status: res.status };
  } catch (err) {
    return { marker, error: String((err as Error & { cause?: { code?: string } }).cause?.code ?? (err as Error).message) };
  }
}

/** `workers` clients sending tips one after another until `stop()` says so. */
function load(baseUrl: string, workers: number, stop: (o: Outcome) => boolean) {
  const outcomes: Outcome[] = [];
  const run = async (w: number) => {
    for (let seq = 0; ; seq++) {
      const o = await sendTip(baseUrl, `ZL-${w}-${seq}-${randomBytes(3).toString('hex')}`);
      outcomes.push(o);
      if (stop(o)) return;
    }
  };
  const done = Promise.all(Array.from({ length: workers }, (_, w) => run(w)));
  return { outcomes, done };
}

const created = (outcomes: Outcome[]) => outcomes.filter((o) => 'status' in o && o.status === 201).map((o) => o.marker);

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Tips of the run in the database: marker → how many rows, and how many have no history row. */
async function stored(url: string): Promise<{ counts: Map<string, number>; withoutHistory: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const rows = await c.query<{ marker: string; n: number }>(
      `select split_part(description, ' ', 1) as marker, count(*)::int as n from tips where description like 'ZL-%' group by 1`,
    );
    const orphans = await c.query<{ n: number }>(
      `select count(*)::int as n from tips t where not exists (select 1 from tip_history h where h.tip_id = t.id)`,
    );
    return { counts: new Map(rows.rows.map((r) => [r.marker, r.n])), withoutHistory: orphans.rows[0].n };
  } finally {
    await c.end();
  }
}

describe('zero lost tips: the real process under load (PostgreSQL server)', function () {
  this.timeout(400_000);
  let database: Awaited<ReturnType<typeof serverDatabase>>;
  let app: AppProcess | undefined;

  before(function () {
    if (!process.env.TEST_DATABASE_URL) this.skip();
  });
  beforeEach(async () => {
    database = await serverDatabase();
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
