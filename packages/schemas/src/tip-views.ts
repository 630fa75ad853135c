import { z } from 'zod';
import { CATEGORY_IDS } from './categories';
import { HISTORY_KINDS, PRIORITIES, TIP_STATUSES, VERIFICATION_STATES } from './tip-rules';

/**
 * What the API answers about a tip (api/src/modules/tips/tips.presenter.ts): the OpenAPI document's
 * response schemas and the web's types (z.infer). Objects are strict: a field the document does not
 * name fails the response check of the tests (api/src/http/response-check.ts), so nothing leaks unseen.
 */

export type { Priority, TipStatus, VerificationState } from './tip-rules';

const instant = z.string().meta({ format: 'date-time' });
const tipStatus = z.enum(TIP_STATUSES);

export const TipMedia = z.strictObject({
  id: z.uuid(),
  url: z.string(),
  mimeType: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
});
export type TipMedia = z.infer<typeof TipMedia>;

export const TipHistoryEntry = z.strictObject({
  id: z.union([z.string(), z.number()]),
  kind: z.enum(HISTORY_KINDS).exclude(['verification']),
  fromStatus: tipStatus.nullable(),
  toStatus: tipStatus.nullable(),
  note: z.string().nullable(),
  by: z.enum(['you', 'police', 'system']),
  createdAt: instant,
});
export type TipHistoryEntry = z.infer<typeof TipHistoryEntry>;

/** A tip as its reporter sees it (also the anonymous tipster through tracking). */
export const Tip = z
  .strictObject({
    id: z.uuid(),
    reference: z.string().meta({ example: 'HY-20261129-0001' }),
    category: z.enum(CATEGORY_IDS),
    description: z.string(),
    occurredAt: instant,
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    address: z.string().nullable(),
    districtId: z.number().int(),
    status: tipStatus,
    priority: z.enum(PRIORITIES),
    isAnonymous: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
    media: z.array(TipMedia),
    history: z.array(TipHistoryEntry),
    duplicateOf: z.strictObject({ reference: z.string(), status: tipStatus }).nullable(),
  })
  .meta({ id: 'Tip' });
export type Tip = z.infer<typeof Tip>;

export const TipCorrection = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('transfer'), reason: z.string(), fromDistrictId: z.number().int(), toDistrictId: z.number().int() }),
  z.strictObject({ kind: z.literal('reversal'), reason: z.string() }),
]);
export type TipCorrection = z.infer<typeof TipCorrection>;

export const HistoryVerification = z.strictObject({
  id: z.uuid(),
  event: z.enum(['requested', 'reported']),
  communityId: z.number().int().nullable(),
  dueAt: instant.nullable(),
  finding: z.enum(['confirmed', 'not_found', 'unclear']).nullable(),
  photos: z.array(z.strictObject({ id: z.uuid(), url: z.string() })),
});
export type HistoryVerification = z.infer<typeof HistoryVerification>;

/** The police view of a tip: never the reporter; the full timeline with internal notes. */
export const PoliceTip = Tip.extend({
  history: z.array(
    TipHistoryEntry.extend({
      /** `verification` and `auxiliary` (an on-site check) appear in the police view only. */
      kind: z.enum(HISTORY_KINDS),
      by: z.enum([...TipHistoryEntry.shape.by.options, 'auxiliary']),
      isVisibleToReporter: z.boolean(),
      actorId: z.uuid().nullable(),
      caseLink: z.strictObject({ reference: z.string(), linked: z.boolean() }).nullable(),
      /** Why the tip was transferred or its decision reversed. */
      correction: TipCorrection.nullable(),
      /** An on-site check requested or reported. */
      verification: HistoryVerification.nullable(),
    }),
  ),
  caseId: z.uuid().nullable(),
  duplicateOfId: z.uuid().nullable(),
  isDeliberateFalse: z.boolean(),
  claimedById: z.uuid().nullable(),
  claimExpiresAt: instant.nullable(),
  decidedAt: instant.nullable(),
  decidedById: z.uuid().nullable(),
  /** Whether the viewer may reverse the decision now: `undo` (their own, briefly) or `review` (supervisor, admin). */
  reversal: z.strictObject({ kind: z.enum(['undo', 'review']), until: instant.nullable() }).nullable(),
  /** The latest on-site check. */
  verification: z.strictObject({ state: z.enum(VERIFICATION_STATES), dueAt: instant.nullable() }).nullable(),
}).meta({ id: 'PoliceTip' });
export type PoliceTip = z.infer<typeof PoliceTip>;

/** POST /api/tips: the tip, and for an anonymous submission the one-time access code. */
export const SubmittedTip = z.strictObject({ tip: Tip, accessCode: z.string().optional() });
export type SubmittedTip = z.infer<typeof SubmittedTip>;

export const MyTipsPage = z.strictObject({ tips: z.array(Tip), nextCursor: z.string().nullable() });
export type MyTipsPage = z.infer<typeof MyTipsPage>;

/** GET /api/tips/:id: the reporter's view, or the police view for police of the district. */
export const TipView = z.strictObject({ tip: z.union([PoliceTip, Tip]) });
