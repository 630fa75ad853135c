import { sql } from 'drizzle-orm';
import { db } from './harness';

let batchNo = 0;

/**
 * Many anonymous tips in one statement (INSERT … SELECT generate_series), for exports and the
 * map's grid mode: `n` tips of a district, spread evenly over a lat/lng box and one a minute from
 * `start`. References are unique per call (`BULK<batch>-<n>`).
 */
export async function insertBulkTips(opts: {
  n: number;
  districtId: number;
  box?: { minLng: number; minLat: number; maxLng: number; maxLat: number };
  start?: string;
  category?: string;
  status?: 'submitted' | 'valid' | 'invalid';
}): Promise<string> {
  const prefix = `BULK${++batchNo}-${process.pid}`;
  const box = opts.box ?? { minLng: 112.55, minLat: 26.85, maxLng: 112.65, maxLat: 26.92 };
  const side = Math.ceil(Math.sqrt(opts.n));
  await db().execute(sql`
    INSERT INTO tips (reference, is_anonymous, category, description, occurred_at, lat, lng, district_id, status, created_at, updated_at)
    SELECT ${prefix} || '-' || lpad(g::text, 7, '0'), true, ${opts.category ?? 'drugs'}, '批量测试线索', t, 
           ${box.minLat}::float8 + (${box.maxLat}::float8 - ${box.minLat}::float8) * ((g / ${side}) + 0.5) / ${side},
           ${box.minLng}::float8 + (${box.maxLng}::float8 - ${box.minLng}::float8) * ((g % ${side}) + 0.5) / ${side},
           ${opts.districtId}, ${opts.status ?? 'submitted'}::tip_status, t, t
    FROM generate_series(0, ${opts.n - 1}) AS g,
         LATERAL (SELECT ${opts.start ?? '2026-01-01T00:00:00Z'}::timestamptz + g * interval '1 minute' AS t) AS at`);
  return prefix;
}
