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

/**
 * tipsVisibleTo for a prepared statement (db/prepared), whose text is fixed when first built: the
 * same scope with the actor's id or district as a placeholder (`visibleTo`), named by its shape.
 */
export function tipsVisibleToShape(actor: Actor): { shape: string; where: SQL; values: { visibleTo?: string | number } } {
  switch (actor.role) {
    case 'volunteer':
      return { shape: 'reporter', where: eq(tips.reporterId, sql.placeholder('visibleTo')), values: { visibleTo: actor.id } };
    case 'officer':
    case 'supervisor':
      return actor.districtId === null
        ? { shape: 'none', where: sql`false`, values: {} }
        : { shape: 'district', where: eq(tips.districtId, sql.placeholder('visibleTo')), values: { visibleTo: actor.districtId } };
    case 'admin':
      return { shape: 'all', where: sql`true`, values: {} };
    default:
      return { shape: 'none', where: sql`false`, values: {} };
  }
}

/** How the actor sees a tip: as its reporter, or as police (reporter hidden). */
export type TipAudience = 'reporter' | 'police';

export function audienceFor(actor: Actor, tip: { reporterId: string | null }): TipAudience {
  return tip.reporterId !== null && tip.reporterId === actor.id ? 'reporter' : 'police';
}

/** How long a decision can be undone: by the officer who made it, and by a supervisor of the district. */
export const UNDO_WINDOW_MS = 10 * 60_000;
export const SUPERVISOR_REVERSAL_WINDOW_MS = 7 * 86_400_000;

type Decided = { decidedById: string | null; decidedAt: Date | null };

/**
 * Whether the actor may reverse the tip's decision, and until when (null: no time limit).
 * Null when they may not at all. Scope (the tip's district) is checked by the query that found it.
 */
export function reversalWindowOf(actor: Actor, tip: Decided): { until: Date | null } | null {
  if (actor.role === 'admin') return { until: null };
  const decidedAt = tip.decidedAt?.getTime() ?? 0;
  if (actor.role === 'supervisor') return { until: new Date(decidedAt + SUPERVISOR_REVERSAL_WINDOW_MS) };
  if (actor.role === 'officer' && tip.decidedById === actor.id) return { until: new Date(decidedAt + UNDO_WINDOW_MS) };
  return null;
}
