import type { DbOrTx } from '../../db/client';
import { auditLog } from '../../db/schema/index';
import type { Actor } from '../../http/actor';

export type AuditEntry = {
  actor: Actor | null;
  action: string;
  entityType: string;
  entityId?: string;
  details?: Record<string, unknown>;
};

/** Appends to the audit log inside the caller's transaction, so the record commits with the change. */
export async function audit(tx: DbOrTx, e: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: e.actor?.id ?? null,
    actorRole: e.actor?.role ?? null,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    details: e.details ?? null,
  });
}
