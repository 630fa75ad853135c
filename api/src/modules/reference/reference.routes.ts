import { Router } from 'express';
import { CommunitiesQuery, DistrictCommunitiesQuery, DistrictParam, type CategoryList, type CommunitiesPage, type CommunityList, type DistrictList, type TownshipList } from '@hy/schemas/reference';
import { sendCacheable } from '../../http/cacheable';
import { parse } from '../../http/validate';
import { CATEGORIES } from '@hy/schemas/categories';
import { listDistrictCommunities, listTownships, searchCommunities } from './places.service';
import { presentCommunity, presentTownship } from './reference.presenter';
import { listDistricts } from './reference.service';

export function referenceRoutes(): Router {
  const router = Router();
  // Reference data changes only with a release: phones and proxies may keep it a while, and
  // revalidate with the answer's ETag (304 when unchanged).
  router.use(['/categories', '/districts', '/communities'], (_req, res, next) => {
    res.set('Cache-Control', 'public, max-age=300');
    next();
  });
  router.get('/categories', (_req, res) => {
    sendCacheable(res, { categories: [...CATEGORIES] } satisfies CategoryList);
  });
  router.get('/districts', async (_req, res) => {
    sendCacheable(res, { districts: await listDistricts() } satisfies DistrictList);
  });
  router.get('/districts/:id/townships', async (req, res) => {
    const { id } = parse(DistrictParam, req.params);
    sendCacheable(res, { townships: (await listTownships(id)).map(presentTownship) } satisfies TownshipList);
  });
  router.get('/districts/:id/communities', async (req, res) => {
    const { id } = parse(DistrictParam, req.params);
    const rows = await listDistrictCommunities(id, parse(DistrictCommunitiesQuery, req.query));
    sendCacheable(res, { communities: rows.map(presentCommunity) } satisfies CommunityList);
  });
  router.get('/communities', async (req, res) => {
    const page = await searchCommunities(parse(CommunitiesQuery, req.query));
    sendCacheable(res, { communities: page.communities.map(presentCommunity), nextCursor: page.nextCursor } satisfies CommunitiesPage);
  });
  return router;
}
