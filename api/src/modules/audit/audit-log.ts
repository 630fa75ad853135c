import { and, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm';
import { db } from '../../db/client';
import { auditLog, districts, users } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { forbidden } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { escapeLike } from '../../lib/like';
import { audit } from './audit.service';
import { canReadAudit } from './audit.policy';
import { AuditCursor, type AuditExportQuery, type AuditQuery } from '@hy/schemas/audit';

const entryColumns = {
  id: auditLog.id,
  createdAt: auditLog.createdAt,
  actorId: auditLog.actorId,
  actorRole: auditLog.actorRole,
  actorName: users.displayName,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  districtId: auditLog.districtId,
  districtNameZh: districts.nameZh,
  districtNameEn: districts.nameEn,
  details: auditLog.details,
};
export type AuditRow = {
  id: number;
  createdAt: Date;
  actorId: string | null;
  actorRole: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  districtId: number | null;
  districtNameZh: string | null;
  districtNameEn: string | null;
  details: unknown;
};

/** The entries the actor may read (a supervisor: their district's) matching the filters. */
function matching(actor: Actor, q: AuditExportQuery): SQL | undefined {
  if (!canReadAudit(actor)) throw forbidden('Only administrators and supervisors read the audit log');
  return and(
    actor.role === 'admin' ? undefined : eq(auditLog.districtId, actor.districtId!),
    q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
    q.action === undefined
      ? undefined
      : q.action.endsWith('.')
        ? like(auditLog.action, `${escapeLike(q.action)}%`)
        : eq(auditLog.action, q.action),
    q.tipId ? and(eq(auditLog.entityType, 'tip'), eq(auditLog.entityId, q.tipId)) : undefined,
    q.from ? gte(auditLog.createdAt, q.from) : undefined,
    q.to ? lt(auditLog.createdAt, q.to) : undefined,
  );
}

function page(where: SQL | undefined, beforeId: number | undefined, limit: number): Promise<AuditRow[]> {
  return db
    .select(entryColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(districts, eq(districts.id, auditLog.districtId))
    .where(and(where, beforeId === undefined ? undefined : lt(auditLog.id, beforeId)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

/** One page, newest first, keyset-paged by the entry's sequence number. */
export async function listAudit(actor: Actor, q: AuditQuery): Promise<{ entries: AuditRow[]; nextCursor: string | null }> {
  const where = matching(actor, q);
  const cursor = decodeCursor(AuditCursor, q.cursor);
  const rows = await page(where, cursor?.id, q.limit + 1);
  const entries = rows.slice(0, q.limit);
  const last = entries.at(-1);
  return { entries, nextCursor: rows.length > q.limit && last ? encodeCursor({ id: last.id }) : null };
}

const EXPORT_BATCH = 1000;

/**
 * Every matching entry, newest first, read in keyset batches so memory stays flat however long the
 * log is. The export itself is audited first (with its filters), so it appears in what it exports.
 */
export async function exportAudit(actor: Actor, q: AuditExportQuery): Promise<AsyncIterable<AuditRow>> {
  const where = matching(actor, q);
  await audit(db, {
    actor,
    action: 'audit.export',
    entityType: 'audit_log',
    details: { filters: { ...q, from: q.from?.toISOString(), to: q.to?.toISOString() } },
  });
  return (async function* batches() {
    let beforeId: number | undefined;
    for (;;) {
      const rows = await page(where, beforeId, EXPORT_BATCH);
      yield* rows;
      if (rows.length < EXPORT_BATCH) return;
      beforeId = rows[rows.length - 1].id;
    }
  })();
}
