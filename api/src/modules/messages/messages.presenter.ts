import type { Message } from '@hy/schemas/messages';
import type { Presented } from '@hy/schemas/presented';
import type { messages } from '../../db/schema/index';
import type { ThreadSide } from './messages.policy';

type MessageRow = typeof messages.$inferSelect;

/**
 * One message as the reader may see it. Authors are only ever "tipster" or "police": the reporter
 * never learns which officer wrote, police never learn who the reporter is. Officers' ids stay on
 * the police side (they are audited colleagues, not a secret among police).
 */
export function presentMessage(m: MessageRow, reader: ThreadSide): Presented<Message> {
  return {
    id: m.id,
    from: m.side === 'reporter' ? ('tipster' as const) : ('police' as const),
    isMine: m.side === reader,
    body: m.body,
    createdAt: m.createdAt,
    readAt: m.readAt,
    ...(reader === 'police' && m.policeAuthorId ? { policeAuthorId: m.policeAuthorId } : {}),
  };
}

export type PresentedMessage = ReturnType<typeof presentMessage>;
