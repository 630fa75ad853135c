import type { Role } from '../../http/actor';

/** Staff may turn two-factor sign-in on; volunteers sign in with their password alone. */
export const mayUseTotp = (role: Role) => role !== 'volunteer';

/** With STAFF_TOTP=required these roles must enrol before they can use anything else. */
const MUST_ENROL: readonly Role[] = ['officer', 'supervisor', 'auxiliary', 'admin'];
export const mustEnrolTotp = (role: Role) => MUST_ENROL.includes(role);

/**
 * What a staff member who must still enrol may reach: signing in and out, their own profile, and
 * the enrolment itself (every path under /auth).
 */
export const isReachableBeforeEnrolment = (path: string) => path === '/me' || path.startsWith('/auth/');
