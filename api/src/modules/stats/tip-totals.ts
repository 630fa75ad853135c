import { sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { addDays, weekOf, type Period } from './period';

export type TotalsRow = { kind: 'status' | 'category' | 'district' | 'week'; key: string; tips: number };

/** Day ranges [from, to] (inclusive, YYYY-MM-DD); an empty range has from > to. `null`: no whole month / week. */
type Days = { from: string; to: string };

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonth = (month: string) => {
  const d = new Date(`${month}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
};

/**
 * A period split into its whole months (read from tip_monthly_stats) and the days before and
 * after them (read from tip_daily_stats); the same for whole ISO weeks (tip_weekly_stats).
 */
export function splitPeriod(p: Pick<Period, 'from' | 'to'>) {
  const firstMonth = p.from === monthStart(p.from) ? p.from : nextMonth(monthStart(p.from));
  const afterLastMonth = addDays(p.to, 1) === nextMonth(monthStart(p.to)) ? nextMonth(monthStart(p.to)) : monthStart(p.to);
  const hasMonths = firstMonth < afterLastMonth;
  const firstWeek = weekOf(p.from) === p.from ? p.from : addDays(weekOf(p.from), 7);
  const afterLastWeek = weekOf(addDays(p.to, 1)) === addDays(p.to, 1) ? addDays(p.to, 1) : weekOf(p.to);
  const hasWeeks = firstWeek < afterLastWeek;
  return {
    months: hasMonths ? { from: firstMonth, to: addDays(afterLastMonth, -1) } : null,
    monthDays: hasMonths ? [{ from: p.from, to: addDays(firstMonth, -1) }, { from: afterLastMonth, to: p.to }] : [{ from: p.from, to: p.to }],
    weeks: hasWeeks ? { from: firstWeek, to: addDays(afterLastWeek, -1) } : null,
    weekDays: hasWeeks ? [{ from: p.from, to: addDays(firstWeek, -1) }, { from: afterLastWeek, to: p.to }] : [{ from: p.from, to: p.to }],
  };
}

const inDays = (ranges: Days[]) =>
  sql.join(
    ranges.filter((r) => r.from <= r.to).map((r) => sql`day BETWEEN ${r.from}::date AND ${r.to}::date`).concat(sql`false`),
    sql` OR `,
  );

/**
 * Tips submitted in the period by status (now), category, district and ISO week. Whole months come
 * from tip_monthly_stats and whole weeks from tip_weekly_stats, only the partial months and weeks
 * at the ends from tip_daily_stats — a two-year period of the city reads a few tens of thousands of
 * summary rows instead of every day × district × category × status (~284k at 2M tips). One
 * statement: by status, category and district in one pass (GROUPING SETS), weeks beside it.
 */
export async function periodTotals(p: Period, districtId: number | null): Promise<TotalsRow[]> {
  const parts = splitPeriod(p);
  const district = districtId === null ? sql`` : sql`AND district_id = ${districtId}`;
  const { rows } = await db.execute<{ kind: TotalsRow['kind']; key: string; tips: number }>(sql`
    SELECT CASE WHEN GROUPING(status) = 0 THEN 'status' WHEN GROUPING(category) = 0 THEN 'category' ELSE 'district' END AS kind,
           coalesce(status::text, category, district_id::text) AS key, sum(tips)::int AS tips
    FROM (SELECT status, category, district_id, tips FROM tip_monthly_stats
          WHERE ${parts.months ? sql`month BETWEEN ${parts.months.from}::date AND ${parts.months.to}::date` : sql`false`} ${district}
          UNION ALL
          SELECT status, category, district_id, tips FROM tip_daily_stats WHERE (${inDays(parts.monthDays)}) ${district}) t
    GROUP BY GROUPING SETS ((status), (category), (district_id))
    UNION ALL
    SELECT 'week', to_char(week, 'YYYY-MM-DD'), sum(tips)::int
    FROM (SELECT week, tips FROM tip_weekly_stats
          WHERE ${parts.weeks ? sql`week BETWEEN ${parts.weeks.from}::date AND ${parts.weeks.to}::date` : sql`false`} ${district}
          UNION ALL
          SELECT day - (extract(isodow FROM day)::int - 1), tips FROM tip_daily_stats WHERE (${inDays(parts.weekDays)}) ${district}) w
    GROUP BY week`);
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
