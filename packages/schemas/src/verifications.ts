import { z } from 'zod';
import { CATEGORY_IDS } from './categories';
import { Instant, instantText, plainText, Uuid } from './fields';
import { VERIFICATION_STATES } from './tip-rules';

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: `must be one of ${values.join(', ')}` });

import { FINDINGS, VERIFICATION_TASK_STATUSES } from './verification-rules';

export { FINDINGS, VERIFICATION_TASK_STATUSES, type Finding } from './verification-rules';

/** The most photos one report may carry. */
export const MAX_REPORT_PHOTOS = 3;

export const RequestVerification = z.strictObject({
  /** What to look at on site: read by the auxiliary police officer. */
  note: plainText({ max: 1000 }),
  /** Another community of the tip's district than the tip's own (or when the tip has none). */
  communityId: z.coerce.number({ message: 'must be a community id' }).int().min(1).max(2_147_483_647).optional(),
});
export type RequestVerification = z.infer<typeof RequestVerification>;

/** A report, as JSON or as the text fields of a multipart form (photos in `photos`). */
export const ReportVerification = z.strictObject({
  finding: oneOf(FINDINGS),
  note: plainText({ max: 2000 }),
});
export type ReportVerification = z.infer<typeof ReportVerification>;

export const MyVerificationsQuery = z.strictObject({
  status: oneOf(VERIFICATION_TASK_STATUSES).default('open'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(100).default(25),
});
export type MyVerificationsQuery = z.infer<typeof MyVerificationsQuery>;

/** Keyset position: open tasks by (due at, id) ascending, reported ones by (reported at, id) descending. */
export const TaskCursor = z.object({ t: instantText, id: z.uuid() });

export const PhotoParams = z.object({ id: Uuid, photoId: Uuid });
export const TipPhotoParams = z.object({ id: Uuid, mediaId: Uuid });

const status = z.enum(VERIFICATION_TASK_STATUSES);
const state = z.enum(VERIFICATION_STATES);
const Photo = z.strictObject({ id: z.uuid(), url: z.string(), width: z.number().int(), height: z.number().int() });
export type VerificationPhoto = z.infer<typeof Photo>;
export type { VerificationState } from './tip-rules';
const Community = z.strictObject({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() }).nullable();
const Person = z.strictObject({ id: z.uuid(), displayName: z.string().nullable() }).nullable();

/** A check as police see it: who was asked and who asked (staff names only). */
export const PoliceVerification = z
  .strictObject({
    id: z.uuid(),
    tipId: z.uuid(),
    status,
    state,
    community: Community,
    assignedTo: Person,
    requestedBy: Person,
    note: z.string(),
    dueAt: Instant,
    createdAt: Instant,
    finding: z.enum(FINDINGS).nullable(),
    reportNote: z.string().nullable(),
    reportedBy: Person,
    reportedAt: Instant.nullable(),
    photos: z.array(Photo),
  })
  .meta({ id: 'PoliceVerification' });
export type PoliceVerification = z.infer<typeof PoliceVerification>;

/** A task as the auxiliary sees it: what and where, never the tip's id, reference or reporter. */
export const VerificationTask = z
  .strictObject({
    id: z.uuid(),
    status,
    state,
    isOverdue: z.boolean(),
    community: Community,
    note: z.string(),
    dueAt: Instant,
    createdAt: Instant,
    tip: z
      .strictObject({
        category: z.enum(CATEGORY_IDS),
        description: z.string(),
        occurredAt: Instant,
        lat: z.number().nullable(),
        lng: z.number().nullable(),
        address: z.string().nullable(),
        photos: z.array(Photo),
      })
      .nullable(),
    report: z.strictObject({ finding: z.enum(FINDINGS), note: z.string(), reportedAt: Instant, photos: z.array(Photo) }).nullable(),
  })
  .meta({ id: 'VerificationTask' });
export type VerificationTask = z.infer<typeof VerificationTask>;

export const PoliceVerificationAnswer = z.strictObject({ verification: PoliceVerification }).meta({ id: 'PoliceVerificationAnswer' });
export type PoliceVerificationAnswer = z.infer<typeof PoliceVerificationAnswer>;

export const PoliceVerificationList = z.strictObject({ verifications: z.array(PoliceVerification) }).meta({ id: 'PoliceVerificationList' });
export type PoliceVerificationList = z.infer<typeof PoliceVerificationList>;

export const VerificationTaskAnswer = z.strictObject({ verification: VerificationTask }).meta({ id: 'VerificationTaskAnswer' });
export type VerificationTaskAnswer = z.infer<typeof VerificationTaskAnswer>;

export const VerificationTaskPage = z
  .strictObject({ verifications: z.array(VerificationTask), nextCursor: z.string().nullable() })
  .meta({ id: 'VerificationTaskPage' });
export type VerificationTaskPage = z.infer<typeof VerificationTaskPage>;
