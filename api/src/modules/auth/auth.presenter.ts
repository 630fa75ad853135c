import type { users } from '../../db/schema/index';
import { manageableRolePlacements } from '../accounts/accounts.policy';

type UserRow = typeof users.$inferSelect;

/** The signed-in user's own view of themselves. */
export function presentSelf(u: UserRow) {
  return {
    id: u.id,
    phone: u.phone,
    displayName: u.displayName,
    role: u.role,
    communityId: u.communityId,
    districtId: u.districtId,
    unitId: u.unitId,
    points: u.pointsBalance,
    createdAt: u.createdAt,
    mustChangePassword: u.mustChangePassword,
    /** The roles whose accounts this user may create and manage (the admin area), from accounts.policy. */
    manageableRoles: manageableRolePlacements(u),
  };
}
