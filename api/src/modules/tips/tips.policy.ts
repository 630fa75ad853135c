import { eq, sql, type SQL } from 'drizzle-orm';
import { tips } from '../../db/schema/index';
import type { Actor } from '../../http/actor';

/**
 * The one scope every tip read goes through: a tip outside it is simply not found (404, no oracle).
 * Reporters see their own tips; police see their district's; admins see all; others none.
 */
export function tipsVisibleTo(actor: Actor): SQL {
  switch (actor.role) {
    case 'volunteer':
      return eq(tips.reporterId, actor.id);
    case 'officer':
    case 'supervisor':
      return actor.districtId === null ? sql`false` : eq(tips.districtId, actor.districtId);
    case 'admin':
      return sql`true`;
    default:
      return sql`false`;
  }
}

/** How the actor sees a tip: as its reporter, or as police (reporter hidden). */
export type TipAudience = 'reporter' | 'police';

export function audienceFor(actor: Actor, tip: { reporterId: string | null }): TipAudience {
  return tip.reporterId !== null && tip.reporterId === actor.id ? 'reporter' : 'police';
}
