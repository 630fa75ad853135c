import { z } from 'zod';
import { Message, MessageBody } from './messages';
import { Tip } from './tip-views';

/** The tip reference as printed (HY-YYYYMMDD-NNNN); case and spaces forgiven. */
export const TipReference = z
  .string({ message: 'is required' })
  .max(40, 'is not a tip reference')
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^HY-\d{8}-\d{4,6}$/, 'must look like HY-20260101-0001'));

/**
 * The access code as written down: Crockford base32, read back forgivingly (case, spaces, dashes,
 * and O/I/L for 0/1/1), then put back in the canonical 5-5-5-5 form it was hashed in.
 */
export const AccessCode = z
  .string({ message: 'is required' })
  .max(64, 'is not an access code')
  .transform((s) =>
    s
      .toUpperCase()
      .replace(/[\s-]/g, '')
      .replace(/O/g, '0')
      .replace(/[IL]/g, '1'),
  )
  .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{20}$/, 'must be the 20-character code you were given'))
  .transform((s) => s.replace(/(.{5})(?=.)/g, '$1-'));

export const TrackInput = z.strictObject({ reference: TipReference, accessCode: AccessCode });
export type TrackInput = z.infer<typeof TrackInput>;
/** As the tipster types them (before the forgiving clean-up). */
export type TrackCredentials = z.input<typeof TrackInput>;

export const TrackMessageInput = z.strictObject({ reference: TipReference, accessCode: AccessCode, body: MessageBody });
export type TrackMessageInput = z.infer<typeof TrackMessageInput>;

/** What an anonymous tipster sees with their reference and access code: the reporter's view and the thread. */
export const TrackedTip = z
  .strictObject({ tip: Tip, messages: z.array(Message), unread: z.number().int() })
  .meta({ id: 'TrackedTip' });
export type TrackedTip = z.infer<typeof TrackedTip>;
