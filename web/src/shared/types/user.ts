export type Role = 'volunteer' | 'officer' | 'supervisor' | 'organizer' | 'admin' | 'auxiliary';

/** What an account of a role is bound to (from the API's accounts policy). */
export type Placement = 'district' | 'community' | 'district-or-community' | 'city';

export type User = {
  id: string;
  phone: string;
  displayName: string;
  role: Role;
  communityId: number | null;
  districtId: number | null;
  unitId: string | null;
  points: number;
  /** Signed in with a temporary password: only changing it is possible. */
  mustChangePassword: boolean;
  /** The roles this user may create and manage (the admin area); empty for most. */
  manageableRoles: { role: Role; placement: Placement }[];
  totpEnabled: boolean;
  /** STAFF_TOTP=required and not enrolled yet: only the two-factor page works until it is. */
  mustEnrolTotp: boolean;
};
