import type { AuditEntry } from '@hy/schemas/audit';
import type { Presented } from '@hy/schemas/presented';
import type { Actor } from '../../http/actor';
import type { AuditRow } from './audit-log';
import { canSeeRevealedReporter } from './audit.policy';

function detailsFor(viewer: Actor, row: AuditRow): unknown {
  if (row.details === null || typeof row.details !== 'object' || canSeeRevealedReporter(viewer)) return row.details;
  return Object.fromEntries(Object.entries(row.details).filter(([key]) => key !== 'reporterId'));
}

export function presentAuditEntry(viewer: Actor, row: AuditRow): Presented<AuditEntry> {
  return {
    id: row.id,
    createdAt: row.createdAt,
    actor: row.actorId ? { id: row.actorId, displayName: row.actorName, role: row.actorRole } : null,
    action: row.action,
    target: { type: row.entityType, id: row.entityId },
    district: row.districtId ? { id: row.districtId, nameZh: row.districtNameZh, nameEn: row.districtNameEn } : null,
    details: detailsFor(viewer, row),
  };
}

export const AUDIT_CSV_COLUMNS = [
  'id',
  'time',
  'actor_id',
  'actor_name',
  'actor_role',
  'action',
  'target_type',
  'target_id',
  'district',
  'details',
] as const;

export function auditCsvRow(viewer: Actor, row: AuditRow): (string | number | null)[] {
  const details = detailsFor(viewer, row);
  return [
    row.id,
    row.createdAt.toISOString(),
    row.actorId,
    row.actorName,
    row.actorRole,
    row.action,
    row.entityType,
    row.entityId,
    row.districtNameZh,
    details === null ? null : JSON.stringify(details),
  ];
}
