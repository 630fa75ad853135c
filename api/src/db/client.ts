import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Logger } from 'pino';
import * as schema from './schema/index';

/** One type for both drivers: services are written once against PostgreSQL. */
export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

const here = path.dirname(fileURLToPath(import.meta.url));
/** api/drizzle, from src/db (tsx) or dist (bundled). */
export const migrationsFolder =
  [path.resolve(here, '../../drizzle'), path.resolve(here, '../drizzle')].find((p) =>
    existsSync(path.join(p, 'meta', '_journal.json')),
  ) ?? path.resolve(here, '../../drizzle');

export async function openPglite(opts: { dataDir?: string; loadDataDir?: Blob | File }): Promise<Database> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    extensions: { pg_trgm },
  });
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    client,
    async migrate() {
      await migratePglite(db as never, { migrationsFolder });
    },
    async ping() {
      await client.query('select 1');
    },
    async close() {
      await client.close();
    },
  } as Database & { client: PGlite };
}

/**
 * An error while opening a connection (refused, the database not accepting connections, the
 * server starting up or shutting down, a connect timeout) means the database is unavailable for
 * this request, whatever its SQLSTATE: it is rethrown without a code under one message the error
 * handler answers with 503.
 */
export class DatabaseUnreachableError extends Error {
  constructor(cause: Error) {
    super(`Could not connect to the database: ${cause.message}`, { cause });
    this.name = 'DatabaseUnreachableError';
  }
}

type ConnectCallback = ((err: Error) => void) | ((err: null, client: pg.Client) => void);

class ConnectingClient extends pg.Client {
  override connect(): Promise<pg.Client>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.Client> | void {
    const unreachable = (err: Error) => (err instanceof DatabaseUnreachableError ? err : new DatabaseUnreachableError(err));
    if (!callback) return super.connect().catch((err: Error) => Promise.reject(unreachable(err)));
    const done = callback as (err: Error | null, client?: pg.Client) => void;
    super.connect((err: Error | null, client?: pg.Client) => (err ? done(unreachable(err)) : done(null, client)));
  }
}

/** How long past the statement timeout a query may wait for any answer before its connection is judged dead. */
const ANSWER_GRACE_MS = 2_000;

/** The parts of pg's client the deadline reads (not in its types). */
type DeadlineClient = {
  connection: { stream: { destroy(err?: Error): void }; on(event: 'readyForQuery' | 'end', listener: () => void): void };
  _getActiveQuery(): unknown;
};

/**
 * `connectionTimeoutMillis` bounds only the wait for a connection. A query sent on a connection
 * whose peer went silent (network partition, a proxy or firewall dropping packets, a frozen
 * server) is never answered and never fails: TCP notices after many minutes, and the request
 * hangs until the client gives up. The server's `statement_timeout` cannot help because its
 * answer does not arrive either. So every query on a pool client gets a deadline: no answer
 * within it and the socket is destroyed, which fails that query and everything queued behind it
 * ("Connection terminated…", 503), and the pool discards the client instead of reusing it.
 * Queries that manage their own flow (cursors, streams: objects with `submit`) are left alone.
 *
 * One timer per connection, not one per query: pg handles each ReadyForQuery first (its listener
 * came first), answering the finished query and starting the next queued one, which then gets a
 * deadline of its own; with nothing running the timer stops. The query and its callback are
 * passed through untouched: with each query's callback wrapped in a closure of ours, every result
 * outlived V8's young collections and died in the old generation — the 2M-tip export grew the
 * heap by ~140 MB of dead rows between full collections (docs/performance.md, section 6,
 * "Export memory: the cause").
 */
function withAnswerDeadline(client: pg.PoolClient, deadlineMs: number): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const internals = client as unknown as DeadlineClient;
  const awaitingAnswer = () => internals._getActiveQuery() instanceof pg.Query;
  let timer: NodeJS.Timeout | undefined;
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const expire = () => {
    timer = undefined;
    // A query refused before it was sent (pg answers it with an error itself) awaits nothing.
    if (!awaitingAnswer()) return;
    internals.connection.stream.destroy(new Error(`Connection terminated: the database did not answer within ${deadlineMs} ms`));
  };
  const start = () => {
    if (timer) timer.refresh();
    else timer = setTimeout(expire, deadlineMs);
  };
  internals.connection.on('readyForQuery', () => (awaitingAnswer() ? start() : stop()));
  internals.connection.on('end', stop);
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    // Started now, or queued behind a running query whose deadline is already counting.
    if (!timer && awaitingAnswer()) start();
    return result;
  };
}

export async function openPostgres(
  url: string,
  opts: { poolSize: number; log?: Logger; statementTimeoutMs?: number },
): Promise<Database> {
  const statementTimeoutMs = opts.statementTimeoutMs ?? 0;
  const pool = new pg.Pool({
    connectionString: url,
    Client: ConnectingClient,
    max: opts.poolSize,
    idleTimeoutMillis: 30_000,
    // While the server is away a request waits at most this long for a connection, then 503.
    connectionTimeoutMillis: 5_000,
    // The server cancels a statement running longer (57014, answered 503) and ends a session left
    // idle inside a transaction (its row locks would otherwise outlive an app that lost it).
    ...(statementTimeoutMs > 0
      ? { statement_timeout: statementTimeoutMs, idle_in_transaction_session_timeout: statementTimeoutMs * 3 }
      : {}),
  });
  // A server restart drops idle clients: log it, never crash the process; the pool reconnects.
  pool.on('error', (err) => opts.log?.error({ err: { message: err.message, code: (err as { code?: string }).code } }, 'idle database client error'));
  pool.on('connect', (client) => {
    // A connection lost while its client is checked out between two queries of a transaction is
    // emitted as 'error' on that client, where the pool listens only while it is idle: without a
    // listener of its own that event would be an uncaught exception. The next query fails instead.
    client.on('error', () => undefined);
    if (statementTimeoutMs > 0) withAnswerDeadline(client, statementTimeoutMs + ANSWER_GRACE_MS);
  });
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' });
  return {
    db,
    kind: 'postgres',
    async migrate() {
      // Its own connection, outside the pool and its timeouts: a migration may rewrite a big table.
      const client = new ConnectingClient({ connectionString: url });
      client.on('error', () => undefined);
      await client.connect();
      try {
        // One migrator at a time across instances.
        await client.query('select pg_advisory_lock(726354001)');
        await migratePg(drizzlePg({ client, casing: 'snake_case' }), { migrationsFolder });
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      await pool.end();
    },
  };
}

export async function openDatabase(cfg: {
  databaseUrl?: string;
  dataDir: string;
  poolSize: number;
  statementTimeoutMs?: number;
  log?: Logger;
}): Promise<Database> {
  if (cfg.databaseUrl)
    return openPostgres(cfg.databaseUrl, { poolSize: cfg.poolSize, statementTimeoutMs: cfg.statementTimeoutMs, log: cfg.log });
  return openPglite({ dataDir: path.join(cfg.dataDir, 'pg') });
}

/** Deadlock and serialization failure: the transaction did nothing and can simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 3;

function pgCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}

/**
 * Every `db.transaction` retries a deadlock or serialization failure (with a little jitter)
 * before giving up: transactions that award several volunteers at once (a solved case) may take
 * row locks in an order another award crosses, and PostgreSQL then aborts one of them. The work
 * must only touch the database, which all services' transactions do.
 */
const wrapped = new WeakSet<Db>();

/** What each open top-level transaction runs once it has committed (see afterCommit). */
const committedCallbacks = new WeakMap<Tx, (() => void)[]>();

/**
 * Runs `fn` once the transaction `tx` has committed — never if it rolls back or is retried from
 * the start (a retried attempt registers again). For work that must not see or publish the
 * transaction's writes before others can read them: dropping a cached leaderboard inside the
 * transaction would let a concurrent request cache the old rows again until the next expiry.
 * Outside a `db.transaction` (no queue for `tx`) it runs at once.
 */
export function afterCommit(tx: DbOrTx, fn: () => void): void {
  const queue = committedCallbacks.get(tx as Tx);
  if (queue) queue.push(fn);
  else fn();
}

function withRetries(target: Db): Db {
  if (wrapped.has(target)) return target;
  wrapped.add(target);
  const original = target.transaction.bind(target);
  const transaction: Db['transaction'] = async (work, config) => {
    for (let attempt = 1; ; attempt++) {
      const committed: (() => void)[] = [];
      let result: Awaited<ReturnType<typeof work>>;
      try {
        result = await original((tx) => {
          committedCallbacks.set(tx, committed);
          return work(tx);
        }, config);
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has(pgCode(err) ?? '')) throw err;
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
        continue;
      }
      for (const fn of committed) fn();
      return result;
    }
  };
  target.transaction = transaction;
  return target;
}

/** The process-wide database handle (set once at start-up or by the test harness). */
export let db: Db;
export function setDb(next: Db): void {
  db = withRetries(next);
}
