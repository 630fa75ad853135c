import { eq, sql, type SQL } from 'drizzle-orm';
import { cases } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
export { canMoveCaseTo } from '@hy/schemas/case-rules';

type CaseStatus = (typeof cases.$inferSelect)['status'];

/** The one scope every case read goes through: another district's case is simply not found. */
export function casesVisibleTo(actor: Actor): SQL {
  switch (actor.role) {
    case 'officer':
    case 'supervisor':
      return actor.districtId === null ? sql`false` : eq(cases.districtId, actor.districtId);
    case 'admin':
      return sql`true`;
    default:
      return sql`false`;
  }
}

/** Tips are linked or unlinked only while a case is being worked. */
export const isWorkable = (status: CaseStatus) => status === 'open' || status === 'investigating';

/** Supervisors and admins assign anyone of the district; an officer may only take the lead themselves. */
export const canAssignLead = (actor: Actor, leadOfficerId: string | null) =>
  actor.role === 'supervisor' || actor.role === 'admin' || leadOfficerId === actor.id;
