import type { Role } from '../../../shared/types/user';

type PlaceName = { id: number; nameZh: string; nameEn: string };

/** A user as the admin area shows them (GET /api/admin/users); a volunteer's phone comes masked. */
export type ManagedUser = {
  id: string;
  phone: string;
  displayName: string;
  role: Role;
  districtId: number | null;
  district: PlaceName | null;
  communityId: number | null;
  community: PlaceName | null;
  unitId: number | null;
  disabled: boolean;
  disabledAt: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  createdAt: string;
};

export type UserFilters = { role?: Role; districtId?: number; q?: string; disabled?: boolean };

/** Role and place of an account; `undefined` leaves a field as it is, null empties it. */
export type Placement = { role?: Role; districtId?: number | null; communityId?: number | null };
