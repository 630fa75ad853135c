import { Router } from 'express';
import { authenticate } from '../../http/authenticate';
import { sendCacheable } from '../../http/cacheable';
import { parse } from '../../http/validate';
import { overview } from './overview';
import { PUBLIC_CACHE_SECONDS, publicFigures } from './public-figures';
import { OverviewQuery, PublicQuery } from '@hy/schemas/stats';

export function statsRoutes(): Router {
  const router = Router();

  router.get('/stats/overview', authenticate, async (req, res) => {
    res.json(await overview(req.actor!, parse(OverviewQuery, req.query)));
  });

  // No sign-in: the same figures for everyone, so shared caches may keep them.
  router.get('/stats/public', async (req, res) => {
    const body = await publicFigures(parse(PublicQuery, req.query).months);
    res.set('Cache-Control', `public, max-age=${PUBLIC_CACHE_SECONDS}`);
    sendCacheable(res, body);
  });

  return router;
}
