import { z } from 'zod';

export const MESSAGE_MAX_CHARS = 2000;

/**
 * Characters that have no place in a plain-text message: C0/C1 controls (newline and tab kept),
 * and the invisible direction overrides that can make a message read differently than it is.
 */
const INVISIBLE = /[^\P{Cc}\n\t]|[\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu;
/** A tag as a browser would parse it (`<b>`, `</p>`, `<img …>`, `<!--`); "a < b" stays allowed. */
const MARKUP = /<\/?[a-z!?][^<>]*>|<!--/i;

export const MessageBody = z
  .string({ message: 'is required' })
  .max(MESSAGE_MAX_CHARS * 4, `must be at most ${MESSAGE_MAX_CHARS} characters`)
  .transform((s) => s.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').trim())
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(MESSAGE_MAX_CHARS, `must be at most ${MESSAGE_MAX_CHARS} characters`)
      .refine((s) => !MARKUP.test(s), 'must be plain text: HTML tags are not allowed'),
  );

export const PostMessage = z.strictObject({ body: MessageBody });
export type PostMessage = z.infer<typeof PostMessage>;
