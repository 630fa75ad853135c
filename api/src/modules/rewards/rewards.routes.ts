import { Router } from 'express';
import { requireRole } from '../../http/authenticate';
import { IdParam, parse, validate } from '../../http/validate';
import { parseIdempotencyKey } from '../idempotency/idempotency.service';
import { CreateReward, DecideRedemption, MyRedemptionsQuery, RedemptionsQuery, UpdateReward } from '@hy/schemas/rewards';
import {
  createReward,
  decideRedemption,
  listMyRedemptions,
  listRedemptions,
  listRewards,
  redeemReward,
  updateReward,
} from './rewards.service';

const MANAGERS = ['organizer', 'admin'] as const;

export function rewardsRoutes(): Router {
  const router = Router();

  router.get('/rewards', requireRole('volunteer', ...MANAGERS), async (req, res) => {
    res.json(await listRewards(req.actor!));
  });

  router.post('/rewards', requireRole(...MANAGERS), validate(CreateReward), async (req, res) => {
    res.status(201).json({ reward: await createReward(req.actor!, req.body as CreateReward) });
  });

  router.patch('/rewards/:id', requireRole(...MANAGERS), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json({ reward: await updateReward(req.actor!, id, parse(UpdateReward, req.body ?? {})) });
  });

  router.post('/rewards/:id/redeem', requireRole('volunteer'), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    const result = await redeemReward({ actor: req.actor!, rewardId: id, idempotencyKey: parseIdempotencyKey(req.get('Idempotency-Key')) });
    res.status(result.status).json(result.body);
  });

  router.get('/redemptions/mine', requireRole('volunteer'), async (req, res) => {
    res.json(await listMyRedemptions(req.actor!, parse(MyRedemptionsQuery, req.query)));
  });

  router.get('/redemptions', requireRole(...MANAGERS), async (req, res) => {
    res.json(await listRedemptions(req.actor!, parse(RedemptionsQuery, req.query)));
  });

  for (const [action, decision] of [['fulfil', 'fulfilled'], ['reject', 'rejected']] as const) {
    router.post(`/redemptions/:id/${action}`, requireRole(...MANAGERS), async (req, res) => {
      const { id } = parse(IdParam, req.params);
      const input = parse(DecideRedemption, req.body ?? {});
      res.json({ redemption: await decideRedemption({ actor: req.actor!, id, decision, input }) });
    });
  }

  return router;
}
