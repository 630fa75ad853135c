import { eq, sql, type SQL } from 'drizzle-orm';
import { verifications } from '../../db/schema/index';
import type { Actor } from '../../http/actor';

/**
 * The one scope of an auxiliary's reads and reports: the tasks of their own community. Any other
 * task is simply not found (404, no oracle); nobody else reaches tasks through this scope.
 */
export function tasksVisibleTo(actor: Actor): SQL {
  if (actor.role !== 'auxiliary' || actor.communityId === null) return sql`false`;
  return eq(verifications.communityId, actor.communityId);
}

export const isAuxiliary = (actor: Actor) => actor.role === 'auxiliary';

/** Due time of a task made now. */
export const dueAtFrom = (now: Date, dueHours: number) => new Date(now.getTime() + dueHours * 3_600_000);

export const isOverdue = (task: { status: string; dueAt: Date }, now: Date) =>
  task.status === 'open' && task.dueAt.getTime() <= now.getTime();
