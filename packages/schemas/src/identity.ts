import { z } from 'zod';
import { Instant, plainText, singleLine } from './fields';
import { REVEAL_REASON_LENGTH } from './tip-rules';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** GB 11643-1999: 17 digits (region, birth date, sequence) and an ISO 7064 MOD 11-2 check character. */
export function idNumberProblem(id: string): string | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'must be 18 characters: 17 digits and a digit or X';
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  if (CHECK_CHARS[sum % 11] !== id[17]) return 'has a wrong check digit; check for a typing mistake';
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const birth = new Date(Date.UTC(y, m - 1, d));
  const isRealDate = birth.getUTCFullYear() === y && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d;
  if (!isRealDate || y < 1900 || birth.getTime() > Date.now()) return 'contains an impossible birth date';
  return null;
}

export const IdNumber = z
  .string()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .superRefine((s, ctx) => {
    const problem = idNumberProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const RealName = singleLine({ min: 2, max: 50 }).refine((s) => !/[<>]/.test(s), 'must not contain < or >');

/** Both optional; null removes what was stored. */
export const UpdateIdentity = z
  .strictObject({ realName: RealName.nullable().optional(), idNumber: IdNumber.nullable().optional() })
  .refine((v) => v.realName !== undefined || v.idNumber !== undefined, 'give realName or idNumber (null removes it)');
export type UpdateIdentity = z.infer<typeof UpdateIdentity>;

export const RevealInput = z.strictObject({
  reason: plainText({ ...REVEAL_REASON_LENGTH, tooShort: 'must explain why, in at least 10 characters' }).refine((s) => !/[<>]/.test(s), 'must be plain text'),
});
export type RevealInput = z.infer<typeof RevealInput>;

/** The volunteer's own: enough to recognise, not enough to copy off a screen. */
export const OwnIdentity = z
  .strictObject({ realName: z.string().nullable(), idNumberMasked: z.string().nullable(), hasIdNumber: z.boolean() })
  .meta({ id: 'OwnIdentity' });
export type OwnIdentity = z.infer<typeof OwnIdentity>;

export const OwnIdentityAnswer = z.strictObject({ identity: OwnIdentity }).meta({ id: 'OwnIdentityAnswer' });
export type OwnIdentityAnswer = z.infer<typeof OwnIdentityAnswer>;

export const Reveal = z
  .strictObject({ id: z.number().int(), tipId: z.uuid(), supervisorId: z.uuid(), reason: z.string(), createdAt: Instant })
  .meta({ id: 'Reveal' });
export type Reveal = z.infer<typeof Reveal>;

/** What a supervisor learns by a reveal, and nothing more (no password hash, no balance). */
export const RevealedIdentity = z
  .strictObject({
    userId: z.uuid(),
    displayName: z.string(),
    phone: z.string(),
    realName: z.string().nullable(),
    idNumber: z.string().nullable(),
    communityId: z.number().int().nullable(),
  })
  .meta({ id: 'RevealedIdentity' });
export type RevealedIdentity = z.infer<typeof RevealedIdentity>;

export const RevealAnswer = z.strictObject({ identity: RevealedIdentity, reveal: Reveal }).meta({ id: 'RevealAnswer' });
export type RevealAnswer = z.infer<typeof RevealAnswer>;

export const RevealList = z.strictObject({ isRevealable: z.boolean(), reveals: z.array(Reveal) }).meta({ id: 'RevealList' });
export type RevealList = z.infer<typeof RevealList>;
