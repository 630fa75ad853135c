import { z } from 'zod';
import { CATEGORY_IDS } from './categories';
import { PRIORITIES, TIP_STATUSES } from './tip-rules';

/** The police map (api/src/modules/tip-map): the base map's configuration and the tips of a box as GeoJSON. */

/** The datums a base map may be drawn in: points are shifted to GCJ-02 before drawing on Chinese maps. */
export const MAP_CRS = ['wgs84', 'gcj02'] as const;

/** GET /api/map/config: the base map every map of the app draws on. */
export const MapConfig = z
  .strictObject({
    /** Leaflet URL template: {s} {z} {x} {y}. */
    tileUrl: z.string(),
    crs: z.enum(MAP_CRS),
    attribution: z.string(),
    maxZoom: z.number().int(),
  })
  .meta({ id: 'MapConfig' });
export type MapConfig = z.infer<typeof MapConfig>;

/** GeoJSON (RFC 7946): WGS-84, [lng, lat]. */
const Point = z.strictObject({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) });

/** A tip: id, reference, category, status, priority — never the reporter or the text. */
export const TipFeature = z
  .strictObject({
    type: z.literal('Feature'),
    id: z.uuid(),
    geometry: Point,
    properties: z.strictObject({
      kind: z.literal('tip'),
      id: z.uuid(),
      reference: z.string(),
      category: z.enum(CATEGORY_IDS),
      status: z.enum(TIP_STATUSES),
      priority: z.enum(PRIORITIES),
    }),
  })
  .meta({ id: 'MapTipFeature' });
export type TipFeature = z.infer<typeof TipFeature>;

/** A grid cell: its count, its bounds [minLng, minLat, maxLng, maxLat] and the mean position of its tips. */
export const CellFeature = z
  .strictObject({
    type: z.literal('Feature'),
    geometry: Point,
    properties: z.strictObject({ kind: z.literal('cell'), count: z.number().int(), bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]) }),
  })
  .meta({ id: 'MapCellFeature' });
export type CellFeature = z.infer<typeof CellFeature>;

/** GET /api/map/tips: each tip when at most 2,000 are in the box, else a grid of counts. */
export const MapTips = z
  .discriminatedUnion('mode', [
    z.strictObject({ type: z.literal('FeatureCollection'), mode: z.literal('points'), total: z.number().int(), features: z.array(TipFeature) }),
    z.strictObject({
      type: z.literal('FeatureCollection'),
      mode: z.literal('grid'),
      /** Degrees. */
      cellSize: z.number(),
      total: z.number().int(),
      features: z.array(CellFeature),
    }),
  ])
  .meta({ id: 'MapTips' });
export type MapTips = z.infer<typeof MapTips>;
