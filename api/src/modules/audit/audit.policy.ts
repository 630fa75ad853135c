import type { Actor } from '../../http/actor';

/** Admins read the whole city's log; a supervisor reads the entries of their own district. */
export const canReadAudit = (actor: Actor) =>
  actor.role === 'admin' || (actor.role === 'supervisor' && actor.districtId !== null);

/** Who a reveal exposed stays between the revealing supervisor and the admins. */
export const canSeeRevealedReporter = (actor: Actor) => actor.role === 'admin';
