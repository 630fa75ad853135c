import type { Actor } from '../../http/actor';

/** The map shows the police their jurisdiction: officers and supervisors their district, admins the city. */
export const isPolice = (actor: Actor) => actor.role === 'officer' || actor.role === 'supervisor' || actor.role === 'admin';
