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
import type { TipExportQuery } from '@hy/schemas/tip-exports';

export type TipExportRow = {
  id: string;
  reference: string;
  createdAt: Date;
  decidedAt: Date | null;
  districtNameZh: string;
  communityNameZh: string | null;
  category: string;
  status: string;
  priority: string;
  caseReference: string | null;
};

/**
 * Rows per statement. Each batch is one short statement on its own (no transaction, no cursor):
 * a client that goes away between two batches leaves nothing open on the server, and the memory
 * held is one batch whatever the length of the export.
 */
export const EXPORT_BATCH = 2000;

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

type Position = { createdAt: Date; id: string };

/** Oldest first, keyset on (created_at, id): tips_district_created_idx / tips_created_idx walk it in order. */
function batch(where: SQL | undefined, after: Position | undefined): Promise<TipExportRow[]> {
  return db
    .select({
      id: tips.id,
      reference: tips.reference,
      createdAt: tips.createdAt,
      decidedAt: tips.decidedAt,
      districtNameZh: districts.nameZh,
      communityNameZh: communities.nameZh,
      category: tips.category,
      status: tips.status,
      priority: tips.priority,
      caseReference: cases.reference,
    })
    .from(tips)
    .innerJoin(districts, eq(districts.id, tips.districtId))
    .leftJoin(communities, eq(communities.id, tips.communityId))
    .leftJoin(cases, eq(cases.id, tips.caseId))
    .where(and(where, after ? sql`(${tips.createdAt}, ${tips.id}) > (${after.createdAt}, ${after.id})` : undefined))
    .orderBy(asc(tips.createdAt), asc(tips.id))
    .limit(EXPORT_BATCH);
}

/**
 * Every matching tip, read batch by batch only as fast as the consumer pulls (the CSV stream
 * pulls as fast as the client reads). The export is audited, with its filters, before any row.
 */
export async function exportTips(actor: Actor, q: TipExportQuery): Promise<AsyncIterable<TipExportRow>> {
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
      const rows = await batch(where, after);
      yield* rows;
      if (rows.length < EXPORT_BATCH) return;
      const last = rows[rows.length - 1];
      after = { createdAt: last.createdAt, id: last.id };
    }
  })();
}
