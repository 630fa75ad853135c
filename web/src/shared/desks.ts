import type { Role, User } from './types/user';

/** The areas of the app: the volunteer app and one desk per kind of staff. */
export type Area = 'volunteer' | 'police' | 'organizer' | 'verify' | 'admin';

export const AREA_PATHS: Record<Area, string> = {
  volunteer: '/',
  police: '/police',
  organizer: '/organizer',
  verify: '/verify',
  admin: '/admin',
};

/** Each role's own desk first; admins also work the police desk and the organizer dashboard. */
const AREAS_BY_ROLE: Record<Role, Area[]> = {
  volunteer: ['volunteer'],
  officer: ['police'],
  supervisor: ['police'],
  organizer: ['organizer'],
  auxiliary: ['verify'],
  admin: ['admin', 'police', 'organizer'],
};

/** The areas the user may use; the admin area whenever the API says they manage accounts (supervisors). */
export function areasOf(user: Pick<User, 'role' | 'manageableRoles'>): Area[] {
  const areas = AREAS_BY_ROLE[user.role];
  return user.manageableRoles.length > 0 && !areas.includes('admin') ? [...areas, 'admin'] : areas;
}

export const deskOf = (user: Pick<User, 'role' | 'manageableRoles'>) => AREA_PATHS[areasOf(user)[0]];

export const isStaff = (user: Pick<User, 'role'>) => user.role !== 'volunteer';

const isUnder = (path: string, base: string) => path === base || path.startsWith(`${base}/`) || path.startsWith(`${base}?`);

export function mayUse(user: Pick<User, 'role' | 'manageableRoles'>, area: Area): boolean {
  return areasOf(user).includes(area);
}

export const CHANGE_PASSWORD_PATH = '/change-password';
/** Two-factor sign-in: enrolment (forced with STAFF_TOTP=required) and turning it off. */
export const TWO_FACTOR_PATH = '/two-factor';

/**
 * Where to go after signing in. A temporary password first has to be changed. Volunteers go where
 * they were going; staff only to a page of an area they may use, else to their own desk — a staff
 * member never lands on a volunteer page.
 */
export function landingPath(user: User, next: string): string {
  if (user.mustChangePassword) return next === '/' ? CHANGE_PASSWORD_PATH : `${CHANGE_PASSWORD_PATH}?next=${encodeURIComponent(next)}`;
  if (user.mustEnrolTotp) return next === '/' ? TWO_FACTOR_PATH : `${TWO_FACTOR_PATH}?next=${encodeURIComponent(next)}`;
  if (!isStaff(user)) return next;
  const isInOwnArea = areasOf(user).some((area) => area !== 'volunteer' && isUnder(next, AREA_PATHS[area]));
  return isInOwnArea ? next : deskOf(user);
}
