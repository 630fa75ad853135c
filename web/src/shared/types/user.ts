export type Role = 'volunteer' | 'officer' | 'supervisor' | 'organizer' | 'admin';

export type User = {
  id: string;
  phone: string;
  displayName: string;
  role: Role;
  communityId: number | null;
  districtId: number | null;
  unitId: string | null;
  points: number;
};
