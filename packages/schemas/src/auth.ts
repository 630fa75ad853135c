import { z } from 'zod';
import { singleLine } from './fields';
import { DISPLAY_NAME_LENGTH, PASSWORD_LENGTH } from './account-rules';
import { PLACEMENTS, ROLES, STAFF_ROLES } from './roles';

/** A phone number as stored: spaces, dashes and a leading +86 removed. */
export const normalizePhone = (s: string) => s.trim().replace(/[\s-]/g, '').replace(/^\+?86/, '');

/** Mainland China mobile number, digits only (a leading +86 or spaces are accepted and removed). */
export const Phone = z
  .string()
  .trim()
  .transform(normalizePhone)
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, 'must be an 11-digit mainland mobile number'));

export { DISPLAY_NAME_LENGTH, PASSWORD_LENGTH } from './account-rules';

export const Password = z
  .string()
  .min(PASSWORD_LENGTH.min, `must be at least ${PASSWORD_LENGTH.min} characters`)
  .max(PASSWORD_LENGTH.max, `must be at most ${PASSWORD_LENGTH.max} characters`);

export const DisplayName = singleLine(DISPLAY_NAME_LENGTH).refine((s) => !/[<>]/.test(s), 'must not contain < or >');

export const RegisterInput = z.strictObject({
  phone: Phone,
  password: Password,
  displayName: DisplayName,
  communityId: z.coerce.number().int().positive(),
});
export type RegisterInput = z.infer<typeof RegisterInput>;

/** A 6-digit RFC 6238 code (spaces, as some apps show "123 456", are removed). */
export const TotpCode = z
  .string()
  .max(20, 'must be the 6 digits shown by your authenticator app')
  .transform((s) => s.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'must be the 6 digits shown by your authenticator app'));

export const TotpCodeInput = z.strictObject({ code: TotpCode });
export type TotpCodeInput = z.infer<typeof TotpCodeInput>;

export const LoginInput = z.strictObject({
  phone: z.string().trim().min(1, 'is required').max(32),
  password: z.string().min(1, 'is required').max(128),
  /** The authenticator code, for accounts with two-factor sign-in on. */
  totp: TotpCode.optional(),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const RefreshInput = z.strictObject({
  refreshToken: z.string().min(20).max(100),
});
export type RefreshInput = z.infer<typeof RefreshInput>;

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(128),
  newPassword: Password,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

const instant = z.string().meta({ format: 'date-time' });

/** The signed-in user's own view of themselves (api auth.presenter presentSelf). */
export const User = z
  .strictObject({
    id: z.uuid(),
    phone: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    communityId: z.number().int().nullable(),
    districtId: z.number().int().nullable(),
    unitId: z.number().int().nullable(),
    points: z.number().int(),
    totpEnabled: z.boolean(),
    /** STAFF_TOTP=required and not enrolled yet: only the two-factor page works until it is. */
    mustEnrolTotp: z.boolean(),
    createdAt: instant,
    /** Signed in with a temporary password: only changing it is possible. */
    mustChangePassword: z.boolean(),
    /** The roles whose accounts this user may create and manage (the admin area); empty for most. */
    manageableRoles: z.array(z.strictObject({ role: z.enum(STAFF_ROLES), placement: z.enum(PLACEMENTS) })),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

/** Register, sign in, refresh, password and two-factor changes: a new token pair. */
export const Session = z
  .strictObject({
    user: User,
    accessToken: z.string(),
    refreshToken: z.string(),
    /** True after signing in with a temporary password: only POST /api/auth/password works until then. */
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof Session>;

/** POST /api/auth/totp/setup: the secret to enter in an authenticator app. */
export const TotpSetup = z
  .strictObject({ secret: z.string(), otpauthUrl: z.string(), qrCode: z.string().meta({ description: 'An SVG QR code as a data: URL' }) })
  .meta({ id: 'TotpSetup' });
export type TotpSetup = z.infer<typeof TotpSetup>;

export const Me = z.strictObject({ user: User }).meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;
