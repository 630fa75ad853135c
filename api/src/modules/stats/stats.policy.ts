import type { Actor } from '../../http/actor';

/**
 * Whose figures an actor may read: admins the city (null) or any district, supervisors their own
 * district only. Anyone else reads none (officers work tips, not the department's figures).
 */
export const canReadOverview = (actor: Actor) => actor.role === 'admin' || (actor.role === 'supervisor' && actor.districtId !== null);

/** The district a request reads: a supervisor's own by default, the city for an admin. */
export const defaultScope = (actor: Actor): number | null => (actor.role === 'admin' ? null : actor.districtId);

/** False for another district than the supervisor's own (answered 404, like any tip outside one's scope). */
export const maySeeDistrict = (actor: Actor, districtId: number | null) => actor.role === 'admin' || districtId === actor.districtId;
