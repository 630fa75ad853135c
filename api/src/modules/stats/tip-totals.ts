import { sql } from 'drizzle-orm';
import { db } from '../../db/client';
import type { Period } from './period';

export type TotalsRow = { kind: 'status' | 'category' | 'district' | 'week'; key: string; tips: number };

/**
 * Tips submitted in the period by status (now), category, district and ISO week, from the daily
 * summary in one pass (GROUPING SETS): a range of the primary key (day, …) for the city, of
 * tip_daily_stats_district_day_idx for a district — at most days × categories × statuses rows.
 */
export async function periodTotals(p: Period, districtId: number | null): Promise<TotalsRow[]> {
  const { rows } = await db.execute<{ kind: TotalsRow['kind']; key: string; tips: number }>(sql`
    SELECT CASE WHEN GROUPING(status) = 0 THEN 'status' WHEN GROUPING(category) = 0 THEN 'category'
                WHEN GROUPING(district_id) = 0 THEN 'district' ELSE 'week' END AS kind,
           coalesce(status::text, category, district_id::text, to_char(day - (extract(isodow FROM day)::int - 1), 'YYYY-MM-DD')) AS key,
           sum(tips)::int AS tips
    FROM tip_daily_stats
    WHERE day BETWEEN ${p.from}::date AND ${p.to}::date ${districtId === null ? sql`` : sql`AND district_id = ${districtId}`}
    GROUP BY GROUPING SETS ((status), (category), (district_id), (day - (extract(isodow FROM day)::int - 1)))`);
  return rows.map((r) => ({ kind: r.kind, key: r.key, tips: Number(r.tips) }));
}

export type MonthCell = { month: string; districtId: number; category: string; tips: number };

/** Tips per month × district × category over whole months [fromMonth, toMonth), from the daily summary. */
export async function monthlyCells(o: { fromDay: string; toDay: string }): Promise<MonthCell[]> {
  const { rows } = await db.execute<{ month: string; district_id: number; category: string; tips: number }>(sql`
    SELECT to_char(day, 'YYYY-MM') AS month, district_id, category, sum(tips)::int AS tips
    FROM tip_daily_stats
    WHERE day >= ${o.fromDay}::date AND day < ${o.toDay}::date
    GROUP BY 1, 2, 3`);
  return rows.map((r) => ({ month: r.month, districtId: Number(r.district_id), category: r.category, tips: Number(r.tips) }));
}
