import type { Role } from '@hy/schemas/roles';

export type { Role };

/** Who is making the request, from a verified access token. */
export type Actor = {
  id: string;
  role: Role;
  /** Police and district organizers: their district; volunteers and auxiliaries: their community's district. */
  districtId: number | null;
  communityId: number | null;
  unitId: number | null;
  /** The user's token epoch when the token was issued (see modules/auth/token-epochs.ts). */
  epoch: number;
  /** Signed in with a temporary password: nothing but changing it is allowed. */
  mustChangePassword: boolean;
  /** Two-factor sign-in was on when the token was issued (STAFF_TOTP=required gates on it). */
  isTotpEnrolled?: boolean;
};

export const isPolice = (a: Actor) => a.role === 'officer' || a.role === 'supervisor';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}
