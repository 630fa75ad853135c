import type { DbOrTx } from '../../db/client';
import { auditLog } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { clock } from '../../lib/clock';

export type AuditEntry = {
  actor: Actor | null;
  action: string;
  entityType: string;
  entityId?: string;
  details?: Record<string, unknown>;
  /**
   * Where the action happened, for the district-scoped viewer: pass the tip's, the case's or the
   * target user's district when it is not the actor's own (an admin acting on an officer).
   * Defaults to a staff actor's district; a volunteer's own actions stay city-level (admins only).
   */
  districtId?: number | null;
};

/** Keys that never reach the log, however a caller names them: credentials and one-time codes. */
const SECRET_KEY = /password|secret|token|access_?code|totp|otpauth/i;

/** Drops secret-looking keys at any depth, so a careless `details: { ...input }` cannot leak one. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !SECRET_KEY.test(key))
      .map(([key, v]) => [key, withoutSecrets(v)]),
  );
}

/** Appends to the audit log inside the caller's transaction, so the record commits with the change. */
export async function audit(tx: DbOrTx, e: AuditEntry): Promise<void> {
  const staffDistrict = e.actor && e.actor.role !== 'volunteer' ? e.actor.districtId : null;
  await tx.insert(auditLog).values({
    actorId: e.actor?.id ?? null,
    actorRole: e.actor?.role ?? null,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    details: e.details ? (withoutSecrets(e.details) as Record<string, unknown>) : null,
    districtId: e.districtId === undefined ? staffDistrict : e.districtId,
    createdAt: clock.now(),
  });
}
