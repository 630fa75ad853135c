import { z } from 'zod';
import { CATEGORY_IDS } from './categories';
import { dateTime, instantText, plainText, singleLine, Uuid } from './fields';
import { DECISION_NOTE_MAX, DECISIONS, PRIORITIES, TIP_STATUSES, VERIFICATION_STATES } from './tip-rules';
import { PoliceTip } from './tip-views';

export { TIP_STATUSES };

/** What police send to the queue and decision routes. */

export { DECISIONS, type Decision } from './tip-rules';

export const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: `must be one of ${values.join(', ')}` });

const districtId = z.coerce.number({ message: 'must be a district id' }).int().min(1).max(32767);

/** The queue's filters: shared by the queue itself, its CSV export and the map. */
export const queueFilters = {
  status: oneOf(TIP_STATUSES).default('submitted'),
  category: oneOf(CATEGORY_IDS).optional(),
  priority: oneOf(PRIORITIES).optional(),
  districtId: districtId.optional(),
  /** Submitted on or after / before (ISO date or date-time). */
  from: dateTime('must be a date').optional(),
  to: dateTime('must be a date').optional(),
  /** Free text in description or address. */
  q: singleLine({ min: 2, max: 100 }).optional(),
};

export const fromBeforeTo = (q: { from?: Date; to?: Date }) => !q.from || !q.to || q.from < q.to;

export const QueueQuery = z
  .strictObject({
    ...queueFilters,
    claim: oneOf(['mine', 'unclaimed'] as const).optional(),
    /** The latest on-site check: open and not yet due, open past due, or reported. */
    verification: oneOf(['pending', 'overdue', 'reported'] as const).optional(),
    cursor: z.string().max(300).optional(),
    limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(100).default(25),
  })
  .refine(fromBeforeTo, { path: ['to'], message: 'must be after from' });
export type QueueQuery = z.infer<typeof QueueQuery>;

/** Keyset position in queue order (priority rank desc, created at, id). */
export const QueueCursor = z.object({
  r: z.number().int().min(0).max(3),
  t: instantText,
  id: z.uuid(),
});
export type QueueCursor = z.infer<typeof QueueCursor>;

/** Admins act across districts and may name one; police always act in their own. */
export const ClaimInput = z.strictObject({ districtId: districtId.optional() });
export type ClaimInput = z.infer<typeof ClaimInput>;

export const AssignInput = z.strictObject({ officerId: Uuid });
export type AssignInput = z.infer<typeof AssignInput>;

export const TriageInput = z
  .strictObject({
    decision: oneOf(DECISIONS),
    priority: oneOf(PRIORITIES).optional(),
    note: plainText({ max: DECISION_NOTE_MAX }).optional(),
    /** Police notes stay internal unless marked for the reporter. */
    isNoteForReporter: z.boolean({ message: 'must be true or false' }).default(false),
    duplicateOf: Uuid.optional(),
    caseId: Uuid.optional(),
    /** Only with `invalid`: a deliberate false report costs the reporter points. */
    isDeliberateFalse: z.boolean({ message: 'must be true or false' }).default(false),
  })
  .superRefine((t, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (t.decision === 'duplicate' && !t.duplicateOf) issue('duplicateOf', 'is required for a duplicate');
    if (t.decision !== 'duplicate' && t.duplicateOf) issue('duplicateOf', 'only goes with decision duplicate');
    if (t.decision !== 'valid' && t.caseId) issue('caseId', 'only valid tips can be linked to a case');
    if (t.decision !== 'invalid' && t.isDeliberateFalse) issue('isDeliberateFalse', 'only goes with decision invalid');
    if (t.decision === 'needs_info' && !t.note) issue('note', 'say what information is needed');
    if (t.priority && t.decision !== 'valid' && t.decision !== 'needs_info')
      issue('priority', 'only goes with decision valid or needs_info');
    if (t.isNoteForReporter && !t.note) issue('note', 'is required when marked for the reporter');
  });
export type TriageInput = z.infer<typeof TriageInput>;

/** Why a tip moved or a decision was undone: kept in the internal history and the audit log. */
const Reason = plainText({ min: 2, max: 500, tooShort: 'say why (at least 2 characters)' });

export const TransferInput = z.strictObject({ districtId, reason: Reason });
export type TransferInput = z.infer<typeof TransferInput>;

export const ReverseInput = z.strictObject({ reason: Reason });
export type ReverseInput = z.infer<typeof ReverseInput>;

/** What the police queue and decision routes answer (api/src/modules/triage/triage.presenter.ts). */

const instant = z.string().meta({ format: 'date-time' });

/** A queue line: no reporter, a short excerpt, and who holds the claim. */
export const QueueTip = z
  .strictObject({
    id: z.uuid(),
    reference: z.string(),
    category: z.enum(CATEGORY_IDS),
    excerpt: z.string(),
    address: z.string().nullable(),
    districtId: z.number().int(),
    status: z.enum(TIP_STATUSES),
    priority: z.enum(PRIORITIES),
    isAnonymous: z.boolean(),
    photoCount: z.number().int(),
    caseId: z.uuid().nullable(),
    occurredAt: instant,
    createdAt: instant,
    verification: z.strictObject({ state: z.enum(VERIFICATION_STATES), dueAt: instant.nullable() }).nullable(),
    claim: z
      .strictObject({ officerId: z.uuid(), officerName: z.string().nullable(), isMine: z.boolean(), expiresAt: instant.nullable() })
      .nullable(),
  })
  .meta({ id: 'QueueTip' });
export type QueueTip = z.infer<typeof QueueTip>;

const statusCounts = z.strictObject(Object.fromEntries(TIP_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof TIP_STATUSES)[number], z.ZodNumber>);

/** GET /api/queue: a page in queue order; counts per status with the first page of a countable filter. */
export const QueuePage = z
  .strictObject({
    tips: z.array(QueueTip),
    nextCursor: z.string().nullable(),
    counts: statusCounts.nullable(),
    /** Statuses whose count stopped at the cap ("1000+"). */
    countsCapped: z.array(z.enum(TIP_STATUSES)),
  })
  .meta({ id: 'QueuePage' });
export type QueuePage = z.infer<typeof QueuePage>;

/** The police view of one tip, as every decision route answers it. */
export const PoliceTipAnswer = z.strictObject({ tip: PoliceTip }).meta({ id: 'PoliceTipAnswer' });
export type PoliceTipAnswer = z.infer<typeof PoliceTipAnswer>;

/** POST /api/queue/claim: the claimed tip, or null when none waits. */
export const ClaimedNext = z.strictObject({ tip: PoliceTip.nullable() }).meta({ id: 'ClaimedNext' });
export type ClaimedNext = z.infer<typeof ClaimedNext>;

export const DuplicateSuggestion = z
  .strictObject({
    id: z.uuid(),
    reference: z.string(),
    status: z.enum(TIP_STATUSES),
    category: z.enum(CATEGORY_IDS),
    excerpt: z.string(),
    address: z.string().nullable(),
    caseId: z.uuid().nullable(),
    createdAt: instant,
    similarity: z.number(),
    distanceMetres: z.number().int().nullable(),
  })
  .meta({ id: 'DuplicateSuggestion' });
export type DuplicateSuggestion = z.infer<typeof DuplicateSuggestion>;

export const DuplicateSuggestions = z.strictObject({ suggestions: z.array(DuplicateSuggestion) }).meta({ id: 'DuplicateSuggestions' });
export type DuplicateSuggestions = z.infer<typeof DuplicateSuggestions>;

const Record = z.strictObject({
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  duplicate: z.number().int(),
  falseReports: z.number().int(),
});

/** A reporter's track record on their other tips: counts only, never who they are. */
export const ReporterRecord = z
  .discriminatedUnion('isAnonymous', [
    z.strictObject({ isAnonymous: z.literal(true), record: z.null() }),
    z.strictObject({ isAnonymous: z.literal(false), record: Record }),
  ])
  .meta({ id: 'ReporterRecord' });
export type ReporterRecord = z.infer<typeof ReporterRecord>;
