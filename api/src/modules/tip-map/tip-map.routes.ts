import type { MapConfig } from '@hy/schemas/tip-map';
import { Router } from 'express';
import type { Config } from '../../config';
import { requireRole } from '../../http/authenticate';
import { parse } from '../../http/validate';
import { mapTips } from './tip-map';
import { presentMap } from './tip-map.presenter';
import { MapQuery } from '@hy/schemas/tip-map';

export function tipMapRoutes(config: Pick<Config, 'mapTiles'>): Router {
  const router = Router();

  /** The base map for every map of the app (the report form's too): anyone, signed in or not. */
  router.get('/map/config', (_req, res) => {
    const { url, crs, attribution } = config.mapTiles;
    res.json({ tileUrl: url, crs, attribution, maxZoom: 18 } satisfies MapConfig);
  });

  router.get('/map/tips', requireRole('officer', 'supervisor', 'admin'), async (req, res) => {
    const answer = await mapTips(req.actor!, parse(MapQuery, req.query));
    res.type('application/geo+json').json(presentMap(answer));
  });

  return router;
}
