import { z } from 'zod';
import { plainText, singleLine } from '@hy/schemas/fields';
import { Uuid } from '../../http/validate';

const CASE_STATUSES = ['open', 'investigating', 'solved', 'closed'] as const;
const caseStatus = z.enum(CASE_STATUSES, { message: `must be one of ${CASE_STATUSES.join(', ')}` });
const districtId = z.coerce.number({ message: 'must be a district id' }).int().min(1).max(32767);
const tipIds = z
  .array(Uuid, { message: 'must be a list of tip ids' })
  .min(1, 'must name at least one tip')
  .max(50, 'at most 50 tips at a time')
  .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a tip');

export const CreateCase = z.strictObject({
  title: singleLine({ min: 2, max: 200 }),
  summary: plainText({ min: 0, max: 4000 }).optional(),
  /** Admins name the district; police always open cases in their own. */
  districtId: districtId.optional(),
  tipIds: tipIds.optional(),
});
export type CreateCase = z.infer<typeof CreateCase>;

export const UpdateCase = z
  .strictObject({
    status: caseStatus.optional(),
    leadOfficerId: Uuid.nullable().optional(),
    title: singleLine({ min: 2, max: 200 }).optional(),
    summary: plainText({ min: 0, max: 4000 }).nullable().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { path: ['(root)'], message: 'nothing to change' });
export type UpdateCase = z.infer<typeof UpdateCase>;

export const LinkTips = z.strictObject({ tipIds });
export type LinkTips = z.infer<typeof LinkTips>;

export const AddNote = z.strictObject({
  body: plainText({ max: 4000 }),
});
export type AddNote = z.infer<typeof AddNote>;

export const CasesQuery = z.strictObject({
  status: caseStatus.optional(),
  districtId: districtId.optional(),
  /** `me` or an officer id. */
  lead: z.union([z.literal('me'), Uuid]).optional(),
  q: singleLine({ max: 100 }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(100).default(25),
});
export type CasesQuery = z.infer<typeof CasesQuery>;

export const OfficersQuery = z.strictObject({ districtId: districtId.optional() });
export type OfficersQuery = z.infer<typeof OfficersQuery>;
