import { z } from 'zod';
import type { RouteDoc } from '../../openapi/route-doc';
import { CreateReward, DecideRedemption, MyRedemptionsQuery, RedemptionsQuery, UpdateReward } from './rewards.schema';

const tag = 'Points and rewards';
const managers = ['organizer', 'admin'] as const;

export const rewardsDocs: RouteDoc[] = [
  { method: 'get', path: '/api/rewards', tag, summary: 'The reward catalogue (managers also see what they may edit)', access: ['volunteer', ...managers], ok: { description: '`{rewards}`' } },
  { method: 'post', path: '/api/rewards', tag, summary: 'Add a reward', access: managers, body: CreateReward, ok: { status: 201, description: '`{reward}`' } },
  { method: 'patch', path: '/api/rewards/:id', tag, summary: 'Change a reward', access: managers, body: UpdateReward, ok: { description: '`{reward}`' } },
  {
    method: 'post',
    path: '/api/rewards/:id/redeem',
    tag,
    summary: 'Redeem a reward: points are debited atomically (409 when too few)',
    access: ['volunteer'],
    headers: z.object({ 'Idempotency-Key': z.string().min(8).max(128).optional() }),
    ok: { status: 201, description: '`{redemption, balance}`' },
    errors: [409, 422],
  },
  { method: 'get', path: '/api/redemptions/mine', tag, summary: 'My redemptions', access: ['volunteer'], query: MyRedemptionsQuery, ok: { description: '`{redemptions, nextCursor}`' } },
  { method: 'get', path: '/api/redemptions', tag, summary: 'Redemptions to hand out', access: managers, query: RedemptionsQuery, ok: { description: '`{redemptions, nextCursor}`' } },
  { method: 'post', path: '/api/redemptions/:id/fulfil', tag, summary: 'Mark a redemption handed out', access: managers, body: DecideRedemption, ok: { description: '`{redemption}`' }, errors: [409] },
  { method: 'post', path: '/api/redemptions/:id/reject', tag, summary: 'Reject a redemption (the points are refunded)', access: managers, body: DecideRedemption, ok: { description: '`{redemption}`' }, errors: [409] },
];
