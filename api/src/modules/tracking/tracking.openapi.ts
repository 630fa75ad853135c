import type { RouteDoc } from '../../openapi/route-doc';
import { MessageAnswer } from '@hy/schemas/messages';
import { TrackedTip, TrackInput, TrackMessageInput } from '@hy/schemas/tracking';

const tag = 'Messages';

export const trackingDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/tips/track',
    tag,
    summary: 'An anonymous tipster’s tip: status and messages, by reference and access code',
    description: '404 for any wrong pair (no oracle); answers take a constant minimum time.',
    access: 'anyone',
    body: TrackInput,
    ok: { description: 'The tip (reporter view) and its thread', schema: TrackedTip },
    errors: [429],
  },
  { method: 'post', path: '/api/tips/track/messages', tag, summary: 'An anonymous tipster writes to the police', access: 'anyone', body: TrackMessageInput, ok: { status: 201, description: 'The message', schema: MessageAnswer }, errors: [429] },
];
