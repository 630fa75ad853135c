import type { Actor } from '../../http/actor';
import { audienceFor } from '../tips/tips.policy';

/** The two ends of a tip's thread. */
export type ThreadSide = 'reporter' | 'police';

/** Which end of the thread the actor speaks for, on a tip already in their scope. */
export function sideOf(actor: Actor, tip: { reporterId: string | null }): ThreadSide {
  return audienceFor(actor, tip) === 'reporter' ? 'reporter' : 'police';
}

/** A message is unread by `reader` when the other side wrote it and nobody on this side opened it. */
export const otherSide = (side: ThreadSide): ThreadSide => (side === 'reporter' ? 'police' : 'reporter');
