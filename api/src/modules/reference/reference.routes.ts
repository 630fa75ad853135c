import { Router } from 'express';
import { parse } from '../../http/validate';
import { CATEGORIES } from '@hy/schemas/categories';
import { listDistrictCommunities, listTownships, searchCommunities } from './places.service';
import { presentCommunity, presentTownship } from './reference.presenter';
import { CommunitiesQuery, DistrictCommunitiesQuery, DistrictParam } from './reference.schema';
import { listDistricts } from './reference.service';

export function referenceRoutes(): Router {
  const router = Router();
  // Reference data changes only with a release: phones and proxies may keep it a while, and
  // revalidate with the ETag Express computes for every JSON body (304 when unchanged).
  router.use(['/categories', '/districts', '/communities'], (_req, res, next) => {
    res.set('Cache-Control', 'public, max-age=300');
    next();
  });
  router.get('/categories', (_req, res) => {
    res.json({ categories: CATEGORIES });
  });
  router.get('/districts', async (_req, res) => {
    res.json({ districts: await listDistricts() });
  });
  router.get('/districts/:id/townships', async (req, res) => {
    const { id } = parse(DistrictParam, req.params);
    res.json({ townships: (await listTownships(id)).map(presentTownship) });
  });
  router.get('/districts/:id/communities', async (req, res) => {
    const { id } = parse(DistrictParam, req.params);
    const rows = await listDistrictCommunities(id, parse(DistrictCommunitiesQuery, req.query));
    res.json({ communities: rows.map(presentCommunity) });
  });
  router.get('/communities', async (req, res) => {
    const page = await searchCommunities(parse(CommunitiesQuery, req.query));
    res.json({ communities: page.communities.map(presentCommunity), nextCursor: page.nextCursor });
  });
  return router;
}
