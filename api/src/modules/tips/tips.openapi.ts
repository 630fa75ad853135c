import { z } from 'zod';
import { CreateTip, MediaParams, MineQuery } from '@hy/schemas/tips';
import { MyTipsPage, SubmittedTip, TipView } from '@hy/schemas/tip-views';
import { Uuid } from '../../http/validate';
import type { RouteDoc } from '../../openapi/route-doc';

const tag = 'Tips';

export const tipsDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/tips',
    tag,
    summary: 'Submit a tip, signed in or anonymously',
    description:
      'JSON, or multipart with the same fields as text and 0–6 `photos` (JPEG, PNG, WebP, HEIC; re-encoded, metadata stripped). ' +
      'An anonymous sender solves a proof-of-work first (`X-Altcha`, from GET /api/altcha/challenge) and gets a one-time `accessCode`. ' +
      '`Idempotency-Key`: a retry returns the first answer, never a second tip.',
    access: 'optional',
    body: CreateTip,
    bodyAs: ['json', 'multipart'],
    headers: z.object({
      'Idempotency-Key': z.string().min(8).max(128).optional().meta({ description: '8–128 of A-Z a-z 0-9 - _ : . (anonymous: at least 32, a random UUID)' }),
      'X-Altcha': z.string().optional().meta({ description: 'The solved proof-of-work (anonymous senders).' }),
    }),
    ok: { status: 201, description: 'The tip, with its reference', schema: SubmittedTip },
    errors: [403, 413, 415, 422, 429, 507],
  },
  {
    method: 'get',
    path: '/api/tips/mine',
    tag,
    summary: 'My tips, newest first, with their status history',
    access: ['volunteer'],
    query: MineQuery,
    ok: { description: 'A page of my tips', schema: MyTipsPage },
  },
  {
    method: 'get',
    path: '/api/tips/:id',
    tag,
    summary: 'One tip: the reporter’s view, or the police view for police of its district',
    access: 'signed-in',
    params: z.object({ id: Uuid }),
    ok: { description: 'The tip', schema: TipView },
  },
  {
    method: 'get',
    path: '/api/tips/:id/media/:mediaId',
    tag,
    summary: 'A photo of a tip (re-encoded, metadata stripped)',
    access: 'signed-in',
    params: MediaParams,
    ok: { description: 'The image', contentType: 'image/jpeg' },
  },
];
