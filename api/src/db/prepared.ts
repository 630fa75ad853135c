import { db, type Db } from './client';

/**
 * Statements on hot paths are prepared: PostgreSQL parses and plans a named statement once per
 * connection and afterwards only binds and executes it (an unnamed statement is parsed, bound and
 * planned on every call; see docs/performance.md). One way for the whole API, two forms:
 *
 * - a Drizzle query built once with `sql.placeholder(...)` and `.prepare(name)`:
 *
 *       const boardTop = prepared('board_top', (db, name) =>
 *         db.select({...}).from(t).where(eq(t.period, sql.placeholder('period'))).prepare(name));
 *       const rows = await boardTop().execute({ period: 'week' });
 *
 * - raw SQL, for a statement the query builder cannot express (one `WITH … INSERT … RETURNING`):
 *
 *       const insertTip = namedSql<{ id: string }>('tip_insert', 'WITH … RETURNING id');
 *       const rows = await insertTip([a, b, c]);
 *
 * Both are bound to the process-wide database handle (`setDb`), built on first use for that
 * handle and kept per handle, so a test harness that opens another database gets its own. On the
 * PostgreSQL server the name makes node-pg send Parse once per pooled connection; PGlite runs the
 * same text with parameters in-process. A prepared statement runs on the pool, never inside a
 * transaction: use it for single statements (a read, or a write that is atomic on its own).
 *
 * Names are global per connection, so each is registered once; a second definition with the same
 * name is a programming error caught at start-up.
 */
const names = new Set<string>();

function register(name: string): void {
  if (names.has(name)) throw new Error(`Prepared statement name used twice: ${name}`);
  names.add(name);
}

export function prepared<T>(name: string, build: (db: Db, name: string) => T): () => T {
  register(name);
  const built = new WeakMap<Db, T>();
  return () => {
    let statement = built.get(db);
    if (statement === undefined) {
      statement = build(db, name);
      built.set(db, statement);
    }
    return statement;
  };
}

type QueryClient = {
  query(config: { name?: string; text: string; values?: unknown[] } | string, values?: unknown[]): Promise<{ rows: unknown[] }>;
};

/** The driver's own client under a Drizzle handle: a node-pg Pool or a PGlite instance. */
function driverOf(handle: Db): { client: QueryClient; named: boolean } {
  const client = (handle as unknown as { $client: QueryClient }).$client;
  // node-pg's Pool understands a named query config; PGlite's query(text, params) does not need one.
  const named = typeof (client as unknown as { connect?: unknown }).connect === 'function' && 'totalCount' in client;
  return { client, named };
}

export function namedSql<Row>(name: string, text: string): (values: unknown[]) => Promise<Row[]> {
  register(name);
  return async (values) => {
    const { client, named } = driverOf(db);
    const result = named ? await client.query({ name, text, values }) : await client.query(text, values);
    return result.rows as Row[];
  };
}

/**
 * A Drizzle-built query run on the driver without Drizzle's row mapping: rows as the driver parses
 * them, keyed by the names PostgreSQL gives the result's columns — a plain column's own name
 * (`tips.reporterId` comes back as `reporter_id`), an `sql` field's `.as(name)` (give every one
 * an alias) — not by the keys of the selection object. For reads of
 * thousands of rows, where Drizzle's per-cell mapping costs more than the statement (the map's
 * 2,000 points: a quarter of the server's busy time in a profile, docs/performance.md). Only for
 * columns the driver already parses to what the caller wants (text, uuid, enums, numbers, booleans).
 */
export async function plainRows<Row>(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<Row[]> {
  const { sql: text, params } = query.toSQL();
  const result = await driverOf(db).client.query(text, params);
  return result.rows as Row[];
}
