import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { db } from '../../db/client';
import { plainRows } from '../../db/prepared';
import { districts, tipMapCells, tipMapStatusCells, tips } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { forbidden, validationError } from '../../http/errors';
import { actingDistrict } from '../cases/cases.service';
import { districtExists } from '../reference/reference.service';
import { tipsVisibleTo } from '../tips/tips.policy';
import { isPolice } from './tip-map.policy';
import { TIP_STATUSES } from '@hy/schemas/triage';
import type { Priority, TipStatus } from '@hy/schemas/tip-rules';
import type { Box, MapQuery } from '@hy/schemas/tip-map';

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
  status: TipStatus;
  priority: Priority;
  lat: number;
  lng: number;
};
export type MapCell = { gx: number; gy: number; count: number; lat: number; lng: number };

export type MapAnswer = { mode: 'points'; points: MapPoint[] } | { mode: 'grid'; cellSize: number; cells: MapCell[] };

/**
 * The district the map shows: an admin's choice, or null for the whole city; police their own
 * (naming another is 403, as in the queue and the export). A district that does not exist is 400.
 */
async function mapDistrict(actor: Actor, q: MapQuery): Promise<number | null> {
  if (!isPolice(actor)) throw forbidden('Only police see the tip map');
  const districtId = actingDistrict(actor, q.districtId) ?? null;
  if (actor.role !== 'admin' && districtId === null) throw forbidden('Police see the map of their own district');
  if (q.districtId !== undefined && !(await districtExists(q.districtId))) throw validationError([{ field: 'districtId', message: 'no such district' }]);
  return districtId;
}

function matching(actor: Actor, q: MapQuery, districtId: number | null): SQL | undefined {
  const { minLng, minLat, maxLng, maxLat } = q.bbox;
  return and(
    tipsVisibleTo(actor),
    // tips_map_idx leads with the district: for the city, one index range per district (a nested
    // loop over the 12) instead of reading the whole index.
    districtId !== null ? eq(tips.districtId, districtId) : inArray(tips.districtId, db.select({ id: districts.id }).from(districts)),
    // Plain ranges on the columns: tips_map_idx (district, status, lng, lat, category, created_at)
    // answers them and the other filters from the index alone (index-only for the count and the grid).
    sql`${tips.lng} BETWEEN ${minLng} AND ${maxLng}`,
    sql`${tips.lat} BETWEEN ${minLat} AND ${maxLat}`,
    q.category ? eq(tips.category, q.category) : undefined,
    // Every status as a list: tips_map_idx (district, status, lng, …) then reads one lng range per
    // status instead of the district's whole band.
    q.status ? eq(tips.status, q.status) : inArray(tips.status, [...TIP_STATUSES]),
    q.from ? gte(tips.createdAt, q.from) : undefined,
    q.to ? lt(tips.createdAt, q.to) : undefined,
  );
}

/**
 * The tips of the actor's jurisdiction inside the box: each tip when at most MAX_POINTS, else a
 * grid of counts (cells aligned on multiples of the cell size, so panning keeps them in place).
 *
 * Without a period the grid and the count come from the summary tip_map_cells (a few thousand
 * rows for the biggest district, whatever its tips), never finer than its 0.005° cells: the
 * cells the box touches are counted whole. With a period (the summary has no time) they come
 * from the index entries of the period's tips (tips_stats_period_idx, which carries status,
 * position and category) or of the box's (tips_map_idx), whichever the planner finds fewer of.
 * The points themselves come from tips_map_idx alone (it carries what a point shows).
 */
export async function mapTips(actor: Actor, q: MapQuery): Promise<MapAnswer> {
  const districtId = await mapDistrict(actor, q);
  const where = matching(actor, q, districtId);
  if (!q.from && !q.to) {
    const cellSize = Math.max(cellSizeFor(q.bbox), SUMMARY_SIZES[SUMMARY_SIZES.length - 1] / 1000);
    const cells = await summaryGrid({ districtId, q, cellSize });
    const total = cells.reduce((n, c) => n + c.count, 0);
    if (total <= MAX_POINTS) return { mode: 'points', points: await pointsIn(where) };
    return { mode: 'grid', cellSize, cells };
  }
  // Counted from the index first (at most MAX_POINTS + 1 entries): a full box never reads a tip row.
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(db.select({ one: sql`1` }).from(tips).where(where).limit(MAX_POINTS + 1).as('bounded'));
  if (n <= MAX_POINTS) return { mode: 'points', points: await pointsIn(where) };
  return { mode: 'grid', ...(await gridIn(where, cellSizeFor(q.bbox))) };
}

/** Cell sizes of tip_map_cells, in thousandths of a degree, coarsest first. */
const SUMMARY_SIZES = [50, 5];

/**
 * A grid of `cellSize` from the cell summary: the level that divides it (0.05° cells for 0.05° and
 * above, else 0.005°), its cells touching the box, merged k × k. Without a category filter from
 * tip_map_status_cells (one row per cell and status), with one from tip_map_cells (per category
 * too). A range of the primary key (size, district, gx, …) per district of the actor's scope.
 */
async function summaryGrid({ districtId, q, cellSize }: { districtId: number | null; q: MapQuery; cellSize: number }): Promise<MapCell[]> {
  const size = SUMMARY_SIZES.find((s) => cellSize * 1000 >= s - 1e-9)!;
  const k = Math.round((cellSize * 1000) / size);
  const cell = (v: number) => Math.floor((v * 1000) / size);
  const c = q.category ? tipMapCells : tipMapStatusCells;
  const scope = districtId !== null ? eq(c.districtId, districtId) : inArray(c.districtId, db.select({ id: districts.id }).from(districts));
  const gx = sql`floor(${c.gx}::float8 / ${k})::int`;
  const gy = sql`floor(${c.gy}::float8 / ${k})::int`;
  return plainRows<MapCell>(
    db
      .select({
        gx: sql<number>`${gx}`.as('gx'),
        gy: sql<number>`${gy}`.as('gy'),
        count: sql<number>`sum(${c.tips})::int`.as('count'),
        lat: sql<number>`sum(${c.latSum}) / sum(${c.tips})`.as('lat'),
        lng: sql<number>`sum(${c.lngSum}) / sum(${c.tips})`.as('lng'),
      })
      .from(c)
      .where(
        and(
          eq(c.size, size),
          scope,
          sql`${c.gx} BETWEEN ${cell(q.bbox.minLng)} AND ${cell(q.bbox.maxLng)}`,
          sql`${c.gy} BETWEEN ${cell(q.bbox.minLat)} AND ${cell(q.bbox.maxLat)}`,
          q.status ? eq(c.status, q.status) : undefined,
          q.category ? eq(tipMapCells.category, q.category) : undefined,
        ),
      )
      .groupBy(sql`1`, sql`2`)
      .having(sql`sum(${c.tips}) > 0`),
  );
}

/** The tips themselves, from tips_map_idx alone; rows straight from the driver (up to 2,000 of them). */
function pointsIn(where: SQL | undefined): Promise<MapPoint[]> {
  return plainRows<MapPoint>(
    db
      .select({
        id: tips.id,
        reference: tips.reference,
        category: tips.category,
        status: tips.status,
        priority: tips.priority,
        lat: sql<number>`${tips.lat}`.as('lat'),
        lng: sql<number>`${tips.lng}`.as('lng'),
      })
      .from(tips)
      .where(where)
      .limit(MAX_POINTS),
  );
}

async function gridIn(where: SQL | undefined, cellSize: number): Promise<{ cellSize: number; cells: MapCell[] }> {
  const gx = sql`floor(${tips.lng} / ${cellSize}::float8)::int`;
  const gy = sql`floor(${tips.lat} / ${cellSize}::float8)::int`;
  const cells = await plainRows<MapCell>(
    db
      .select({
        gx: sql<number>`${gx}`.as('gx'),
        gy: sql<number>`${gy}`.as('gy'),
        count: sql<number>`count(*)::int`.as('count'),
        lat: sql<number>`avg(${tips.lat})`.as('lat'),
        lng: sql<number>`avg(${tips.lng})`.as('lng'),
      })
      .from(tips)
      .where(where)
      .groupBy(sql`1`, sql`2`),
  );
  return { cellSize, cells };
}
