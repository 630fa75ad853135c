import { Router } from 'express';
import { requireRole } from '../../http/authenticate';
import { parse, validate } from '../../http/validate';
import { parseIdempotencyKey } from '../idempotency/idempotency.service';
import { LedgerQuery } from '@hy/schemas/points';
import { AdjustPoints } from './points.rules';
import { adjustPoints, checkLedger, getMyPoints } from './points.service';

export function pointsRoutes(): Router {
  const router = Router();

  router.get('/me/points', requireRole('volunteer'), async (req, res) => {
    res.json(await getMyPoints(req.actor!, parse(LedgerQuery, req.query)));
  });

  router.post('/admin/points/adjustments', requireRole('admin'), validate(AdjustPoints), async (req, res) => {
    const result = await adjustPoints({
      actor: req.actor!,
      input: req.body as AdjustPoints,
      idempotencyKey: parseIdempotencyKey(req.get('Idempotency-Key')),
    });
    res.status(result.status).json(result.body);
  });

  router.get('/admin/points/consistency', requireRole('admin'), async (_req, res) => {
    res.json(await checkLedger());
  });

  return router;
}
