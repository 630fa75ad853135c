import { Router } from 'express';
import { z } from 'zod';
import { parse } from '../../http/validate';
import { CATEGORIES } from './categories';
import { listCommunities, listDistricts } from './reference.service';

const DistrictParam = z.object({ id: z.coerce.number().int().positive().max(32767) });

export function referenceRoutes(): Router {
  const router = Router();
  // Reference data changes rarely: let phones and proxies cache it briefly.
  router.use(['/categories', '/districts'], (_req, res, next) => {
    res.set('Cache-Control', 'public, max-age=300');
    next();
  });
  router.get('/categories', (_req, res) => {
    res.json({ categories: CATEGORIES });
  });
  router.get('/districts', async (_req, res) => {
    res.json({ districts: await listDistricts() });
  });
  router.get('/districts/:id/communities', async (req, res) => {
    const { id } = parse(DistrictParam, req.params);
    res.json({ communities: await listCommunities(id) });
  });
  return router;
}
