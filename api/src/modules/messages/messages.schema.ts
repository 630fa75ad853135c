import { z } from 'zod';
import { plainText } from '@hy/schemas/fields';

export const MESSAGE_MAX_CHARS = 2000;

/** A tag as a browser would parse it (`<b>`, `</p>`, `<img …>`, `<!--`); "a < b" stays allowed. */
const MARKUP = /<\/?[a-z!?][^<>]*>|<!--/i;

export const MessageBody = plainText({ max: MESSAGE_MAX_CHARS }).refine((s) => !MARKUP.test(s), 'must be plain text: HTML tags are not allowed');

export const PostMessage = z.strictObject({ body: MessageBody });
export type PostMessage = z.infer<typeof PostMessage>;
