import { Router } from 'express';
import { requireRole } from '../../http/authenticate';
import { CreateApiKey } from '@hy/schemas/api-keys';
import { IdParam, parse } from '../../http/validate';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys';


/** Integrators' keys (Open311): admins issue, list and revoke them. */
export function apiKeysRoutes(): Router {
  const router = Router();
  const admins = requireRole('admin');

  router.post('/admin/api-keys', admins, async (req, res) => {
    res.status(201).json(await createApiKey(req.actor!, parse(CreateApiKey, req.body ?? {})));
  });

  router.get('/admin/api-keys', admins, async (_req, res) => {
    res.json(await listApiKeys());
  });

  router.delete('/admin/api-keys/:id', admins, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json(await revokeApiKey(req.actor!, id));
  });

  return router;
}
