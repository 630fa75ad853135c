import { and, asc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { db } from '../../db/client';
import { cases, communities, districts, tips } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { forbidden } from '../../http/errors';
import { clock } from '../../lib/clock';
import { escapeLike } from '../../lib/like';
import { audit } from '../audit/audit.service';
import { actingDistrict } from '../cases/cases.service';
import { tipsVisibleTo } from '../tips/tips.policy';
import { PRIORITY_RANK } from '../tips/transitions';
import { isClaimedBySql, isUnclaimedSql, verificationFilterSql } from '../triage/triage.policy';
import { canExportTips } from './tip-exports.policy';
import { tipCsvRecordSql } from './tip-exports.presenter';
import type { TipExportQuery } from '@hy/schemas/tip-exports';

/**
 * Rows per statement. Each batch is one short statement on its own (no transaction, no cursor):
 * a client that goes away between two batches leaves nothing open on the server.
 */
export const EXPORT_BATCH = 2000;

/**
 * Rows per piece of CSV text the database writes (`string_agg` of `tipCsvRecordSql`). No row ever
 * becomes JavaScript objects: with an object per row, V8 at times began promoting every batch
 * to the old generation (in 2 of 3 runs of the 2M export, a minute in), which then grew by
 * ~80 MB of dead rows before a full collection; text pieces never did. A piece (≈ 30 kB) stays
 * under V8's large-object size and within a socket read or two: whole batches as one string
 * (≈ 220 kB) went to the large-object space and grew it and the driver's buffers (300k rows: +85 MB).
 * docs/performance.md, section 6, "Export memory: the cause".
 */
export const EXPORT_PIECE = 250;

function matching(actor: Actor, q: TipExportQuery): SQL | undefined {
  if (!canExportTips(actor)) throw forbidden('Only supervisors and administrators export tips');
  const districtId = actingDistrict(actor, q.districtId);
  const text = q.q ? `%${escapeLike(q.q)}%` : undefined;
  // Claims and checks as of the start of the export, like the queue page it was asked from.
  const now = clock.now();
  return and(
    tipsVisibleTo(actor),
    districtId !== undefined ? eq(tips.districtId, districtId) : undefined,
    q.status ? eq(tips.status, q.status) : undefined,
    q.category ? eq(tips.category, q.category) : undefined,
    q.priority ? eq(tips.priorityRank, PRIORITY_RANK[q.priority]) : undefined,
    q.from ? gte(tips.createdAt, q.from) : undefined,
    q.to ? lt(tips.createdAt, q.to) : undefined,
    text ? or(ilike(tips.description, text), ilike(tips.address, text)) : undefined,
    q.claim === 'mine' ? isClaimedBySql(actor.id, now) : q.claim === 'unclaimed' ? isUnclaimedSql(now) : undefined,
    q.verification ? verificationFilterSql(q.verification, now) : undefined,
  );
}

/** Where the previous batch ended: its last (created_at, id), the time as PostgreSQL's text (exact). */
type Position = { createdAt: string; id: string };

type Piece = { csv: string; rows: number; lastCreatedAt: string; lastId: string };

/**
 * The next batch as pieces of CSV text, oldest first, keyset on (created_at, id):
 * tips_district_created_idx / tips_created_idx walk it in order.
 */
function batch(where: SQL | undefined, after: Position | undefined): Promise<Piece[]> {
  const page = db
    .select({
      createdAt: tips.createdAt,
      id: tips.id,
      line: sql<string>`${tipCsvRecordSql()}`.as('line'),
      n: sql<number>`row_number() OVER (ORDER BY ${tips.createdAt}, ${tips.id})`.as('n'),
    })
    .from(tips)
    .innerJoin(districts, eq(districts.id, tips.districtId))
    .leftJoin(communities, eq(communities.id, tips.communityId))
    .leftJoin(cases, eq(cases.id, tips.caseId))
    .where(and(where, after ? sql`(${tips.createdAt}, ${tips.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)` : undefined))
    .orderBy(asc(tips.createdAt), asc(tips.id))
    .limit(EXPORT_BATCH)
    .as('page');
  // A constant of ours, written into the statement: GROUP BY and ORDER BY must be the same expression.
  const piece = sql`(${page.n} - 1) / ${sql.raw(String(EXPORT_PIECE))}`;
  const last = sql`ORDER BY ${page.createdAt} DESC, ${page.id} DESC`;
  return db
    .select({
      csv: sql<string>`string_agg(${page.line}, '' ORDER BY ${page.createdAt}, ${page.id})`,
      rows: sql<number>`count(*)::int`,
      lastCreatedAt: sql<string>`(array_agg(${page.createdAt}::text ${last}))[1]`,
      lastId: sql<string>`(array_agg(${page.id}::text ${last}))[1]`,
    })
    .from(page)
    .groupBy(piece)
    .orderBy(piece);
}

/**
 * Every matching tip as CSV text (CRLF records, no header), read batch by batch only as fast as
 * the consumer pulls (the response pulls as fast as the client reads). The export is audited,
 * with its filters, before any row.
 */
export async function exportTips(actor: Actor, q: TipExportQuery): Promise<AsyncIterable<string>> {
  const where = matching(actor, q);
  await audit(db, {
    actor,
    action: 'tip.export',
    entityType: 'tip',
    details: { filters: { ...q, from: q.from?.toISOString(), to: q.to?.toISOString() } },
  });
  return (async function* batches() {
    let after: Position | undefined;
    for (;;) {
      const pieces = await batch(where, after);
      let rows = 0;
      for (const piece of pieces) {
        rows += piece.rows;
        yield piece.csv;
      }
      const last = pieces.at(-1);
      if (rows < EXPORT_BATCH || !last) return;
      after = { createdAt: last.lastCreatedAt, id: last.lastId };
    }
  })();
}
