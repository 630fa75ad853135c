import {
  CreateReward,
  DecideRedemption,
  ManagedRewardAnswer,
  MyRedemptionsPage,
  MyRedemptionsQuery,
  Redeemed,
  RedemptionAnswer,
  RedemptionQueuePage,
  RedemptionsQuery,
  RewardList,
  UpdateReward,
} from '@hy/schemas/rewards';
import { z } from 'zod';
import type { RouteDoc } from '../../openapi/route-doc';

const tag = 'Points and rewards';
const managers = ['organizer', 'admin'] as const;
const reward = { description: 'The reward, as its managers see it', schema: ManagedRewardAnswer };
const redemption = { description: 'The redemption', schema: RedemptionAnswer };

export const rewardsDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/rewards',
    tag,
    summary: 'The reward catalogue (managers also see what they may edit)',
    access: ['volunteer', ...managers],
    ok: { description: 'Volunteers: the rewards on offer to them; organizers and admins: the rewards they manage, with the switch and window', schema: RewardList },
  },
  { method: 'post', path: '/api/rewards', tag, summary: 'Add a reward', access: managers, body: CreateReward, ok: { status: 201, ...reward } },
  { method: 'patch', path: '/api/rewards/:id', tag, summary: 'Change a reward', access: managers, body: UpdateReward, ok: reward },
  {
    method: 'post',
    path: '/api/rewards/:id/redeem',
    tag,
    summary: 'Redeem a reward: points are debited atomically (409 when too few)',
    access: ['volunteer'],
    headers: z.object({ 'Idempotency-Key': z.string().min(8).max(128).optional() }),
    ok: { status: 201, description: 'The redemption and the balance left', schema: Redeemed },
    errors: [409, 422],
  },
  { method: 'get', path: '/api/redemptions/mine', tag, summary: 'My redemptions', access: ['volunteer'], query: MyRedemptionsQuery, ok: { description: 'A page of my redemptions, newest first', schema: MyRedemptionsPage } },
  { method: 'get', path: '/api/redemptions', tag, summary: 'Redemptions to hand out', access: managers, query: RedemptionsQuery, ok: { description: 'A page of the queue, oldest first', schema: RedemptionQueuePage } },
  { method: 'post', path: '/api/redemptions/:id/fulfil', tag, summary: 'Mark a redemption handed out', access: managers, body: DecideRedemption, ok: redemption, errors: [409] },
  { method: 'post', path: '/api/redemptions/:id/reject', tag, summary: 'Reject a redemption (the points are refunded)', access: managers, body: DecideRedemption, ok: redemption, errors: [409] },
];
