import { Router } from 'express';
import { requireRole } from '../../http/authenticate';
import { IdParam, parse } from '../../http/validate';
import { RevealInput, UpdateIdentity } from '@hy/schemas/identity';
import { getOwnIdentity, listReveals, revealReporter, updateOwnIdentity } from './identity.service';

export function identityRoutes(): Router {
  const router = Router();

  router.get('/me/identity', requireRole('volunteer'), async (req, res) => {
    res.json({ identity: await getOwnIdentity(req.actor!) });
  });

  router.patch('/me', requireRole('volunteer'), async (req, res) => {
    res.json({ identity: await updateOwnIdentity(req.actor!, parse(UpdateIdentity, req.body ?? {})) });
  });

  router.get('/tips/:id/reveals', requireRole('supervisor'), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json(await listReveals(req.actor!, id));
  });

  router.post('/tips/:id/reveal', requireRole('supervisor'), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    const input = parse(RevealInput, req.body ?? {});
    res.status(201).json(await revealReporter(req.actor!, id, input));
  });

  return router;
}
