import { z } from 'zod';
import { singleLine } from '@hy/schemas/fields';

/** A phone number as stored: spaces, dashes and a leading +86 removed. */
export const normalizePhone = (s: string) => s.trim().replace(/[\s-]/g, '').replace(/^\+?86/, '');

/** Mainland China mobile number, digits only (a leading +86 or spaces are accepted and removed). */
export const Phone = z
  .string()
  .trim()
  .transform(normalizePhone)
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, 'must be an 11-digit mainland mobile number'));

export const Password = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(128, 'must be at most 128 characters');

export const DisplayName = singleLine({ min: 2, max: 30 }).refine((s) => !/[<>]/.test(s), 'must not contain < or >');

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
