/**
 * The fair ceiling of a tip submission, as a server of its own (started by tips.ts, out of
 * process like the app): Express with `express.json` and one prepared statement per request —
 * the tip row and its history row in one `WITH … INSERT … RETURNING` into the app's real `tips`
 * table, with all of its indexes and triggers — and nothing else: no authentication, validation,
 * idempotency, logging or presentation. What the database charges for the durable write the app
 * must make anyway. Also the bare route: `express.json` and a tiny answer, no database.
 *
 *   DATABASE_URL=postgres://… PORT=… node --import tsx scripts/bench/ceiling-server.ts
 *   DATA_DIR=<the app's DATA_DIR> PORT=… node --import tsx scripts/bench/ceiling-server.ts   # PGlite
 *
 * POST /bare; POST /ceiling with the tip's JSON body and the reporter's id in `X-Reporter`.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import express from 'express';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const INSERT = `WITH tip AS (
    INSERT INTO tips (reference, reporter_id, category, description, occurred_at, lat, lng, address, district_id)
    VALUES ($1, $2::uuid, $3, $4, $5::timestamptz, $6::float8, $7::float8, $8, $9::smallint)
    RETURNING id, reference, created_at
  ), history AS (
    INSERT INTO tip_history (tip_id, kind, to_status, actor_role) SELECT id, 'status', 'submitted', 'reporter' FROM tip
    RETURNING id
  )
  SELECT tip.id, tip.reference, tip.created_at, history.id AS history_id FROM tip, history`;

type Run = (values: unknown[]) => Promise<Record<string, unknown>[]>;

async function database(): Promise<{ run: Run; close: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return {
      run: async (values) => (await pool.query({ name: 'ceiling_tip', text: INSERT, values })).rows,
      close: () => pool.end(),
    };
  }
  const dataDir = process.env.DATA_DIR;
  if (!dataDir) throw new Error('DATABASE_URL or DATA_DIR is required');
  const client = await PGlite.create({ dataDir: path.join(dataDir, 'pg'), extensions: { pg_trgm } });
  return { run: async (values) => (await client.query<Record<string, unknown>>(INSERT, values)).rows, close: () => client.close() };
}

const db = await database();
const prefix = `HY-CEIL-${randomUUID().slice(0, 8)}-`;
let n = 0;

const app = express();
app.use(express.json({ limit: '64kb' }));
app.post('/bare', (req, res) => {
  res.status(201).json({ ok: true, got: Object.keys(req.body ?? {}).length });
});
app.post('/ceiling', async (req, res) => {
  const b = req.body as Record<string, unknown>;
  const [row] = await db.run([
    `${prefix}${++n}`,
    req.get('X-Reporter'),
    b.category,
    b.description,
    b.occurredAt,
    b.lat ?? null,
    b.lng ?? null,
    b.address ?? null,
    b.districtId,
  ]);
  res.status(201).json({ tip: row });
});
app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  res.status(500).json({ error: err.message });
});

const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write('ready\n');
});
process.on('SIGTERM', () => {
  server.close(() => void db.close().then(() => process.exit(0)));
  server.closeAllConnections();
});
