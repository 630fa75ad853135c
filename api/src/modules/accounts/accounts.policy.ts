import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { users } from '../../db/schema/index';
import { STAFF_ROLES, type StaffRole } from '@hy/schemas/roles';
import type { Actor, Role } from '../../http/actor';

/**
 * Who may create and manage whose accounts — the one place these permissions are written.
 * Admins: every staff role, city-wide. Supervisors: officers and auxiliaries of their own district,
 * never an admin (or another supervisor). Everyone else: nobody.
 */
const MANAGES: Readonly<Partial<Record<Role, readonly StaffRole[]>>> = {
  admin: STAFF_ROLES,
  supervisor: ['officer', 'auxiliary'],
};

export const manageableRoles = (who: { role: Role }): StaffRole[] => [...(MANAGES[who.role] ?? [])];

/** For the web's forms: each role the user may give, with what an account of it is bound to. */
export const manageableRolePlacements = (who: { role: Role }) => manageableRoles(who).map((role) => ({ role, placement: PLACEMENT[role] }));

/** The roles that have an admin area at all. */
export const ACCOUNT_MANAGERS = Object.keys(MANAGES) as Role[];

export const canAssignRole = (actor: Actor, role: Role) => (manageableRoles(actor) as readonly Role[]).includes(role);

/** Admins act city-wide; a supervisor only in their own district. */
export const canActInDistrict = (actor: Actor, districtId: number | null) =>
  actor.role === 'admin' || (districtId !== null && districtId === actor.districtId);

/**
 * The accounts an actor sees in the admin area, as a SQL condition (outside it: 404, no oracle).
 * Admins see everyone, volunteers included (to disable an abusive account or reset a forgotten
 * password), a supervisor the officers and auxiliaries of their district.
 */
export function usersVisibleTo(actor: Actor): SQL {
  if (actor.role === 'admin') return sql`true`;
  const roles = MANAGES[actor.role];
  if (!roles || actor.districtId === null) return sql`false`;
  return and(inArray(users.role, [...roles]), eq(users.districtId, actor.districtId))!;
}

/** Volunteers' phone numbers are personal data, never shown in full in the admin area. */
export const masksPhone = (target: { role: Role }) => target.role === 'volunteer';

/** A volunteer registers themselves: never created here, and their role and community stay theirs. */
export const isStaffRole = (role: Role) => role !== 'volunteer';

/**
 * What an account of each role is bound to: a district (police), a community and so its district
 * (auxiliary, 一村一辅警; volunteer), a community or a whole district (organizer), nothing (admin).
 */
export const PLACEMENT: Readonly<Record<Role, 'district' | 'community' | 'district-or-community' | 'city'>> = {
  volunteer: 'community',
  officer: 'district',
  supervisor: 'district',
  organizer: 'district-or-community',
  auxiliary: 'community',
  admin: 'city',
};
