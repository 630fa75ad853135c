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

export async function openPostgres(url: string, opts: { poolSize: number; log?: Logger }): Promise<Database> {
  // connectionTimeoutMillis: while the server is away a request waits at most this long for a
  // connection, then answers 503, instead of hanging until the client gives up.
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 });
  // A server restart drops idle clients: log it, never crash the process; the pool reconnects.
  pool.on('error', (err) => opts.log?.error({ err: { message: err.message, code: (err as { code?: string }).code } }, 'idle database client error'));
  // A connection lost while its client is checked out between two queries of a transaction is
  // emitted as 'error' on that client, where the pool listens only while it is idle: without a
  // listener of its own that event would be an uncaught exception. The next query fails instead.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' });
  return {
    db,
    kind: 'postgres',
    async migrate() {
      // One migrator at a time across instances.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(726354001)');
        await migratePg(drizzlePg({ client, casing: 'snake_case' }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock(726354001)').catch(() => undefined);
        client.release();
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
  log?: Logger;
}): Promise<Database> {
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl, { poolSize: cfg.poolSize, log: cfg.log });
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

function withRetries(target: Db): Db {
  if (wrapped.has(target)) return target;
  wrapped.add(target);
  const original = target.transaction.bind(target);
  const transaction: Db['transaction'] = async (work, config) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await original(work, config);
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has(pgCode(err) ?? '')) throw err;
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
      }
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
