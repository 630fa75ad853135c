import type { RouteDoc } from '../../openapi/route-doc';
import { MessageAnswer, PostMessage, Thread, UnreadSummary } from '@hy/schemas/messages';

const tag = 'Messages';
const parties = ['volunteer', 'officer', 'supervisor', 'admin'] as const;

export const messagesDocs: RouteDoc[] = [
  { method: 'get', path: '/api/messages/unread', tag, summary: 'Unread messages per tip', access: parties, ok: { description: 'Unread counts', schema: UnreadSummary } },
  { method: 'get', path: '/api/tips/:id/messages', tag, summary: 'The thread between the tipster and the police; reading marks it read', access: parties, ok: { description: 'The thread', schema: Thread } },
  { method: 'post', path: '/api/tips/:id/messages', tag, summary: 'Write in the thread', access: parties, body: PostMessage, ok: { status: 201, description: 'The message', schema: MessageAnswer }, errors: [429] },
];
