import type { Actor } from '../../http/actor';

/** Exports are for those who answer for a district's figures: its supervisor, and admins city-wide. */
export const canExportTips = (actor: Actor) => actor.role === 'admin' || actor.role === 'supervisor';
