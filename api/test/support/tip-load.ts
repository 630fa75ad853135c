import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Tips sent continuously to a real process (zero-loss and database-outage tests): each carries a
 * unique marker as the first word of its description, so the database can be checked against
 * what the clients were told.
 */
export type Outcome = {
  marker: string;
  /** ms since the load started, when the request was sent */
  sentAt: number;
  ms: number;
} & ({ status: number; code?: string; retryAfter: string | null } | { error: string });

/** A database of its own on the PostgreSQL server (TEST_DATABASE_URL), dropped at the end. */
export async function serverDatabase(prefix: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `hy_test_${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined) };
}

/** One statement on an admin connection to the server's TEST_DATABASE_URL. */
export async function adminQuery(text: string): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try {
    return await c.query(text);
  } finally {
    await c.end();
  }
}

async function sendTip(baseUrl: string, marker: string, startedAt: number): Promise<Outcome> {
  const sent = Date.now();
  const timing = () => ({ marker, sentAt: sent - startedAt, ms: Date.now() - sent });
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
    const text = await res.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
    } catch {
      code = `not JSON: ${text.slice(0, 80)}`;
    }
    return { ...timing(), status: res.status, code, retryAfter: res.headers.get('retry-after') };
  } catch (err) {
    return { ...timing(), error: String((err as Error & { cause?: { code?: string } }).cause?.code ?? (err as Error).name) };
  }
}

/** `workers` clients sending tips one after another until `stop()` says so; a client pauses briefly after a refusal. */
export function load(baseUrl: string, workers: number, stop: (o: Outcome) => boolean) {
  const outcomes: Outcome[] = [];
  const startedAt = Date.now();
  const run = async (w: number) => {
    for (let seq = 0; ; seq++) {
      const o = await sendTip(baseUrl, `ZL-${w}-${seq}-${randomBytes(3).toString('hex')}`, startedAt);
      outcomes.push(o);
      if (stop(o)) return;
      if (!('status' in o) || o.status !== 201) await new Promise((r) => setTimeout(r, 50));
    }
  };
  const done = Promise.all(Array.from({ length: workers }, (_, w) => run(w)));
  return { outcomes, done, elapsed: () => Date.now() - startedAt };
}

export const created = (outcomes: Outcome[]) => outcomes.filter((o) => 'status' in o && o.status === 201).map((o) => o.marker);

export async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Tips of the run in the database: marker → how many rows, and how many tips have no history row. */
export async function stored(url: string): Promise<{ counts: Map<string, number>; withoutHistory: number }> {
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
