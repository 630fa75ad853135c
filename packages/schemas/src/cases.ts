import { z } from 'zod';
import { CATEGORY_IDS } from './categories';
import { Instant, plainText, singleLine, Uuid } from './fields';
import { PRIORITIES, TIP_STATUSES } from './tip-rules';

import { CASE_STATUSES, CASE_TEXT } from './case-rules';

export { CASE_MOVES, CASE_STATUSES, canMoveCaseTo, type CaseStatus } from './case-rules';

const caseStatus = z.enum(CASE_STATUSES, { message: `must be one of ${CASE_STATUSES.join(', ')}` });
const districtId = z.coerce.number({ message: 'must be a district id' }).int().min(1).max(32767);
const tipIds = z
  .array(Uuid, { message: 'must be a list of tip ids' })
  .min(1, 'must name at least one tip')
  .max(50, 'at most 50 tips at a time')
  .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a tip');

export const CreateCase = z.strictObject({
  title: singleLine({ min: CASE_TEXT.titleMin, max: CASE_TEXT.titleMax }),
  summary: plainText({ min: 0, max: CASE_TEXT.summaryMax }).optional(),
  /** Admins name the district; police always open cases in their own. */
  districtId: districtId.optional(),
  tipIds: tipIds.optional(),
});
export type CreateCase = z.infer<typeof CreateCase>;

export const UpdateCase = z
  .strictObject({
    status: caseStatus.optional(),
    leadOfficerId: Uuid.nullable().optional(),
    title: singleLine({ min: CASE_TEXT.titleMin, max: CASE_TEXT.titleMax }).optional(),
    summary: plainText({ min: 0, max: CASE_TEXT.summaryMax }).nullable().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { path: ['(root)'], message: 'nothing to change' });
export type UpdateCase = z.infer<typeof UpdateCase>;

export const LinkTips = z.strictObject({ tipIds });
export type LinkTips = z.infer<typeof LinkTips>;

export const AddNote = z.strictObject({
  body: plainText({ max: CASE_TEXT.noteMax }),
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

export const CaseTipParams = z.object({ id: Uuid, tipId: Uuid });

const Person = z.strictObject({ id: z.uuid(), displayName: z.string() });

/** A case in lists: police names only, never a reporter. */
export const CaseSummary = z
  .strictObject({
    id: z.uuid(),
    reference: z.string(),
    districtId: z.number().int(),
    title: z.string(),
    summary: z.string().nullable(),
    status: z.enum(CASE_STATUSES),
    leadOfficer: Person.nullable(),
    tipCount: z.number().int(),
    solvedAt: Instant.nullable(),
    closedAt: Instant.nullable(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'CaseSummary' });
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseTip = z
  .strictObject({
    id: z.uuid(),
    reference: z.string(),
    category: z.enum(CATEGORY_IDS),
    excerpt: z.string(),
    address: z.string().nullable(),
    status: z.enum(TIP_STATUSES),
    priority: z.enum(PRIORITIES),
    isAnonymous: z.boolean(),
    occurredAt: Instant,
    createdAt: Instant,
  })
  .meta({ id: 'CaseTip' });
export type CaseTip = z.infer<typeof CaseTip>;

export const CaseNote = z.strictObject({ id: z.number().int(), body: z.string(), author: Person.nullable(), createdAt: Instant }).meta({ id: 'CaseNote' });
export type CaseNote = z.infer<typeof CaseNote>;

/** A case with its tips (excerpts, no reporter) and internal notes. */
export const CaseDetail = CaseSummary.extend({ tips: z.array(CaseTip), notes: z.array(CaseNote) }).meta({ id: 'CaseDetail' });
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseAnswer = z.strictObject({ case: CaseDetail }).meta({ id: 'CaseAnswer' });
export type CaseAnswer = z.infer<typeof CaseAnswer>;

export const CasePage = z.strictObject({ cases: z.array(CaseSummary), nextCursor: z.string().nullable() }).meta({ id: 'CasePage' });
export type CasePage = z.infer<typeof CasePage>;

export const CaseNoteAnswer = z.strictObject({ note: CaseNote }).meta({ id: 'CaseNoteAnswer' });
export type CaseNoteAnswer = z.infer<typeof CaseNoteAnswer>;

export const Officer = z
  .strictObject({ id: z.uuid(), displayName: z.string(), role: z.enum(['officer', 'supervisor']), districtId: z.number().int().nullable() })
  .meta({ id: 'Officer' });
export type Officer = z.infer<typeof Officer>;

export const OfficerList = z.strictObject({ officers: z.array(Officer) }).meta({ id: 'OfficerList' });
export type OfficerList = z.infer<typeof OfficerList>;
