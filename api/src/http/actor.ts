export type Role = 'volunteer' | 'officer' | 'supervisor' | 'organizer' | 'admin';

/** Who is making the request, from a verified access token. */
export type Actor = {
  id: string;
  role: Role;
  /** Police and district organizers: their district; volunteers: their community's district. */
  districtId: number | null;
  communityId: number | null;
  unitId: number | null;
};

export const isPolice = (a: Actor) => a.role === 'officer' || a.role === 'supervisor';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
    id: string;
  }
}
