import { z } from 'zod';
import { CATEGORY_IDS } from './categories';
import { PRIORITIES, TIP_STATUSES, VERIFICATION_STATES } from './tip-rules';
import { PoliceTip } from './tip-views';

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
