import { z } from 'zod';
import { plainText } from '@hy/schemas/fields';
import { Uuid } from '../../http/validate';
import { instantText } from '@hy/schemas/fields';

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: `must be one of ${values.join(', ')}` });

export const FINDINGS = ['confirmed', 'not_found', 'unclear'] as const;
export type Finding = (typeof FINDINGS)[number];

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
  status: oneOf(['open', 'reported'] as const).default('open'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(100).default(25),
});
export type MyVerificationsQuery = z.infer<typeof MyVerificationsQuery>;

/** Keyset position: open tasks by (due at, id) ascending, reported ones by (reported at, id) descending. */
export const TaskCursor = z.object({ t: instantText, id: z.uuid() });

export const PhotoParams = z.object({ id: Uuid, photoId: Uuid });
