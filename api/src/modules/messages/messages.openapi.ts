import type { RouteDoc } from '../../openapi/route-doc';
import { PostMessage } from './messages.schema';

const tag = 'Messages';
const parties = ['volunteer', 'officer', 'supervisor', 'admin'] as const;

export const messagesDocs: RouteDoc[] = [
  { method: 'get', path: '/api/messages/unread', tag, summary: 'Unread messages per tip', access: parties, ok: { description: '`{total, tips}`' } },
  { method: 'get', path: '/api/tips/:id/messages', tag, summary: 'The thread between the tipster and the police; reading marks it read', access: parties, ok: { description: '`{messages, unread}`' } },
  { method: 'post', path: '/api/tips/:id/messages', tag, summary: 'Write in the thread', access: parties, body: PostMessage, ok: { status: 201, description: '`{message}`' }, errors: [429] },
];
