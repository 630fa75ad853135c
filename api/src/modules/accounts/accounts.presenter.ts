import type { ManagedUser } from '@hy/schemas/accounts';
import type { Presented } from '@hy/schemas/presented';
import type { users } from '../../db/schema/index';
import type { PlaceName } from '../reference/places';
import { masksPhone } from './accounts.policy';

type UserRow = typeof users.$inferSelect;
type Places = { districts: Map<number, PlaceName>; communities: Map<number, PlaceName> };

/** `13800000001` → `138****0001`. */
export const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

/** A user as the admin area shows them: never a password hash, PII or points; volunteers' phones masked. */
export function presentManagedUser(u: UserRow, places: Places): Presented<ManagedUser> {
  return {
    id: u.id,
    phone: masksPhone(u) ? maskPhone(u.phone) : u.phone,
    displayName: u.displayName,
    role: u.role,
    districtId: u.districtId,
    district: u.districtId === null ? null : (places.districts.get(u.districtId) ?? null),
    communityId: u.communityId,
    community: u.communityId === null ? null : (places.communities.get(u.communityId) ?? null),
    unitId: u.unitId,
    disabled: u.disabledAt !== null,
    disabledAt: u.disabledAt,
    mustChangePassword: u.mustChangePassword,
    totpEnabled: u.totpEnabledAt !== null,
    createdAt: u.createdAt,
  };
}
