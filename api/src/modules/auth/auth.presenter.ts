import type { User } from '@hy/schemas/auth';
import type { Presented } from '@hy/schemas/presented';
import type { users } from '../../db/schema/index';
import { manageableRolePlacements } from '../accounts/accounts.policy';
import { mustEnrolTotp } from './totp.policy';

type UserRow = typeof users.$inferSelect;

/** The signed-in user's own view of themselves (`staffTotp`: the deployment's STAFF_TOTP). */
export function presentSelf(u: UserRow, staffTotp: 'optional' | 'required'): Presented<User> {
  return {
    id: u.id,
    phone: u.phone,
    displayName: u.displayName,
    role: u.role,
    communityId: u.communityId,
    districtId: u.districtId,
    unitId: u.unitId,
    points: u.pointsBalance,
    totpEnabled: u.totpEnabledAt !== null,
    /** Must enrol two-factor sign-in before anything else works (403 TOTP_ENROLMENT_REQUIRED). */
    mustEnrolTotp: staffTotp === 'required' && mustEnrolTotp(u.role) && u.totpEnabledAt === null,
    createdAt: u.createdAt,
    mustChangePassword: u.mustChangePassword,
    /** The roles whose accounts this user may create and manage (the admin area), from accounts.policy. */
    manageableRoles: manageableRolePlacements(u),
  };
}
