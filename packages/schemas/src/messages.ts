import { z } from 'zod';
import { Instant, plainText } from './fields';

import { MESSAGE_MAX_CHARS } from './message-rules';

export { MESSAGE_MAX_CHARS };

/** A tag as a browser would parse it (`<b>`, `</p>`, `<img …>`, `<!--`); "a < b" stays allowed. */
const MARKUP = /<\/?[a-z!?][^<>]*>|<!--/i;

export const MessageBody = plainText({ max: MESSAGE_MAX_CHARS }).refine((s) => !MARKUP.test(s), 'must be plain text: HTML tags are not allowed');

export const PostMessage = z.strictObject({ body: MessageBody });
export type PostMessage = z.infer<typeof PostMessage>;

/**
 * One message as its reader may see it: authors are only ever "tipster" or "police". Police see
 * which officer wrote (`policeAuthorId`); the tipster never does.
 */
export const Message = z
  .strictObject({
    id: z.uuid(),
    from: z.enum(['tipster', 'police']),
    isMine: z.boolean(),
    body: z.string(),
    createdAt: Instant,
    readAt: Instant.nullable(),
    policeAuthorId: z.uuid().optional().meta({ description: 'Police readers only.' }),
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof Message>;

export const MessageAnswer = z.strictObject({ message: Message }).meta({ id: 'MessageAnswer' });
export type MessageAnswer = z.infer<typeof MessageAnswer>;

/** A thread; reading it marks the other side's messages read (`unread`: how many just were). */
export const Thread = z.strictObject({ messages: z.array(Message), unread: z.number().int() }).meta({ id: 'Thread' });
export type Thread = z.infer<typeof Thread>;

export const UnreadSummary = z
  .strictObject({
    total: z.number().int(),
    tips: z.array(z.strictObject({ tipId: z.uuid(), reference: z.string(), unread: z.number().int() })),
  })
  .meta({ id: 'UnreadSummary' });
export type UnreadSummary = z.infer<typeof UnreadSummary>;
