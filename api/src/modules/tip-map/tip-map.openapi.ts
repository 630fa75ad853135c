import { MapConfig, MapTips } from '@hy/schemas/tip-map';
import type { RouteDoc } from '../../openapi/route-doc';
import { MapQuery } from '@hy/schemas/tip-map';

const tag = 'Statistics, map and exports';

export const tipMapDocs: RouteDoc[] = [
  { method: 'get', path: '/api/map/config', tag, summary: 'The base map’s tiles, coordinate system and attribution', access: 'anyone', ok: { description: 'The base map', schema: MapConfig } },
  {
    method: 'get',
    path: '/api/map/tips',
    tag,
    summary: 'Tips of my jurisdiction inside a box, as GeoJSON (grid cells with counts when more than 2,000)',
    access: ['officer', 'supervisor', 'admin'],
    query: MapQuery,
    ok: { description: 'A GeoJSON FeatureCollection', contentType: 'application/geo+json', schema: MapTips },
  },
];
