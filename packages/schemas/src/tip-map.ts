import { z } from 'zod';
import { CATEGORY_IDS } from './categories';
import { dateTime } from './fields';
import { fromBeforeTo, oneOf } from './triage';
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

// ---- GET /api/map/tips: the box and the queue's filters.
/** Widest box answered, in degrees each way: the whole city (≈1.8° × 1.5°) with room to pan. */
export const MAX_BOX_DEGREES = 4;
/** Longest period answered. */
export const MAX_PERIOD_DAYS = 731;

export type Box = { minLng: number; minLat: number; maxLng: number; maxLat: number };

const NUMBER = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;

/** `minLng,minLat,maxLng,maxLat` in WGS-84 degrees (the order of GeoJSON and most map libraries). */
export const BboxText = z
  .string({ error: 'must be minLng,minLat,maxLng,maxLat' })
  .max(120, 'must be minLng,minLat,maxLng,maxLat')
  .transform((text, ctx): Box => {
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    const parts = text.split(',');
    if (parts.length !== 4) return fail('must be four numbers: minLng,minLat,maxLng,maxLat');
    if (!parts.every((p) => NUMBER.test(p))) return fail('must be four decimal numbers');
    const [minLng, minLat, maxLng, maxLat] = parts.map(Number);
    if ([minLng, maxLng].some((v) => v < -180 || v > 180)) return fail('longitudes must be between -180 and 180');
    if ([minLat, maxLat].some((v) => v < -90 || v > 90)) return fail('latitudes must be between -90 and 90');
    if (minLng >= maxLng || minLat >= maxLat) return fail('the minimum must be below the maximum on each axis');
    if (maxLng - minLng > MAX_BOX_DEGREES || maxLat - minLat > MAX_BOX_DEGREES)
      return fail(`must be at most ${MAX_BOX_DEGREES}° wide and high`);
    return { minLng, minLat, maxLng, maxLat };
  });

export const MapQuery = z
  .strictObject({
    bbox: BboxText,
    /** Submitted on or after / before (ISO date or date-time). */
    from: dateTime('must be a date').optional(),
    to: dateTime('must be a date').optional(),
    category: oneOf(CATEGORY_IDS).optional(),
    status: oneOf(TIP_STATUSES).optional(),
    /** Admins may narrow the city to one district, as in the queue; police see their own. */
    districtId: z.coerce.number({ message: 'must be a district id' }).int('must be a district id').min(1, 'must be a district id').max(32767, 'must be a district id').optional(),
  })
  .refine(fromBeforeTo, { path: ['to'], message: 'must be after from' })
  .refine((q) => !q.from || !q.to || q.to.getTime() - q.from.getTime() <= MAX_PERIOD_DAYS * 86_400_000, {
    path: ['to'],
    message: `the period must be at most ${MAX_PERIOD_DAYS} days`,
  });
export type MapQuery = z.infer<typeof MapQuery>;
