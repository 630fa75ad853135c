import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { db } from '../../db/client';
import { districts, tips } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { forbidden } from '../../http/errors';
import { tipsVisibleTo } from '../tips/tips.policy';
import { isPolice } from './tip-map.policy';
import type { Box, MapQuery } from './tip-map.schema';

/** Beyond this many tips in the box, the answer is a grid of counts instead of the tips. */
export const MAX_POINTS = 2000;

/** Cell sizes in degrees; the grid uses the smallest that gives at most GRID_CELLS_ACROSS cells across the box. */
const CELL_SIZES = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5];
const GRID_CELLS_ACROSS = 48;

export function cellSizeFor(box: Box): number {
  const span = Math.max(box.maxLng - box.minLng, box.maxLat - box.minLat);
  return CELL_SIZES.find((size) => span / size <= GRID_CELLS_ACROSS) ?? CELL_SIZES[CELL_SIZES.length - 1];
}

export type MapPoint = {
  id: string;
  reference: string;
  category: string;
  status: string;
  priority: string;
  lat: number;
  lng: number;
};
export type MapCell = { gx: number; gy: number; count: number; lat: number; lng: number };

export type MapAnswer = { mode: 'points'; points: MapPoint[] } | { mode: 'grid'; cellSize: number; cells: MapCell[] };

function matching(actor: Actor, q: MapQuery): SQL | undefined {
  if (!isPolice(actor)) throw forbidden('Only police see the tip map');
  const { minLng, minLat, maxLng, maxLat } = q.bbox;
  return and(
    tipsVisibleTo(actor),
    // tips_map_idx leads with the district: for the city, one index range per district (a nested
    // loop over the 12) instead of reading the whole index.
    actor.role === 'admin' ? inArray(tips.districtId, db.select({ id: districts.id }).from(districts)) : undefined,
    // Plain ranges on the columns: tips_map_idx (district, status, lng, lat, category, created_at)
    // answers them and the other filters from the index alone (index-only for the count and the grid).
    sql`${tips.lng} BETWEEN ${minLng} AND ${maxLng}`,
    sql`${tips.lat} BETWEEN ${minLat} AND ${maxLat}`,
    q.category ? eq(tips.category, q.category) : undefined,
    q.status ? eq(tips.status, q.status) : undefined,
    q.from ? gte(tips.createdAt, q.from) : undefined,
    q.to ? lt(tips.createdAt, q.to) : undefined,
  );
}

/**
 * The tips of the actor's jurisdiction inside the box: each tip when at most MAX_POINTS, else a
 * grid of counts (cells aligned on multiples of the cell size, so panning keeps them in place).
 */
export async function mapTips(actor: Actor, q: MapQuery): Promise<MapAnswer> {
  const where = matching(actor, q);
  // Counted from the index first (at most MAX_POINTS + 1 entries): a full box never reads a tip row.
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(db.select({ one: sql`1` }).from(tips).where(where).limit(MAX_POINTS + 1).as('bounded'));
  if (n <= MAX_POINTS) return { mode: 'points', points: await pointsIn(where) };
  return { mode: 'grid', ...(await gridIn(where, cellSizeFor(q.bbox))) };
}

function pointsIn(where: SQL | undefined): Promise<MapPoint[]> {
  return db
    .select({
      id: tips.id,
      reference: tips.reference,
      category: tips.category,
      status: tips.status,
      priority: tips.priority,
      lat: sql<number>`${tips.lat}`,
      lng: sql<number>`${tips.lng}`,
    })
    .from(tips)
    .where(where)
    .limit(MAX_POINTS);
}

async function gridIn(where: SQL | undefined, cellSize: number): Promise<{ cellSize: number; cells: MapCell[] }> {
  const gx = sql`floor(${tips.lng} / ${cellSize}::float8)::int`;
  const gy = sql`floor(${tips.lat} / ${cellSize}::float8)::int`;
  const cells = await db
    .select({
      gx: sql<number>`${gx}`.as('gx'),
      gy: sql<number>`${gy}`.as('gy'),
      count: sql<number>`count(*)::int`,
      lat: sql<number>`avg(${tips.lat})`,
      lng: sql<number>`avg(${tips.lng})`,
    })
    .from(tips)
    .where(where)
    .groupBy(sql`1`, sql`2`);
  return { cellSize, cells };
}
