import { sql } from 'drizzle-orm';
import { db } from '../../db/client';

/** A scope of statistics: districts (the city = all of them) and instants [start, end). */
export type TipFigureScope = { districtIds: number[]; start: Date; end: Date };

const HOUR_S = 3600;

/** District ids as one array parameter (the plan is the same for one district or twelve). */
export const districtArray = (ids: number[]) => sql`${`{${ids.join(',')}}`}::smallint[]`;
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Tips submitted in the period: distinct reporting volunteers (an index-only range scan per
 * district of tips_stats_period_idx (district, created_at) INCLUDE (reporter)), and the median and
 * 90th percentile of the time from submission to first decision (nearest rank: the smallest time
 * with at least half / 90 % of the decided tips at or below it), from the narrow
 * tip_first_decisions table's own (district, submitted_at, first_decided_at) index. The two
 * statements run side by side on the pool.
 */
export async function submissionFigures(s: TipFigureScope) {
  const districts = districtArray(s.districtIds);
  const [volunteers, decisions] = await Promise.all([
    db.execute<{ active: number }>(sql`
      SELECT count(DISTINCT reporter_id)::int AS active FROM tips
      WHERE district_id = ANY(${districts}) AND created_at >= ${s.start.toISOString()} AND created_at < ${s.end.toISOString()}`),
    db.execute<{ decided: number; p50: number | null; p90: number | null }>(sql`
      SELECT decided, p[1] AS p50, p[2] AS p90 FROM (
        SELECT count(*)::int AS decided,
               percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM first_decided_at - submitted_at)::float8) AS p
        FROM tip_first_decisions
        WHERE district_id = ANY(${districts}) AND submitted_at >= ${s.start.toISOString()} AND submitted_at < ${s.end.toISOString()}) x`),
  ]);
  const [{ active }] = volunteers.rows;
  const [row] = decisions.rows;
  const hours = (seconds: number | null) => (seconds === null ? null : round2(Number(seconds) / HOUR_S));
  return { activeVolunteers: Number(active), decided: Number(row.decided), medianHours: hours(row.p50), p90Hours: hours(row.p90) };
}

/** Age limits of the backlog buckets, in hours (the last bucket is everything older). */
export const BACKLOG_AGES = [
  { bucket: 'under_1d', maxHours: 24 },
  { bucket: '1_3d', maxHours: 72 },
  { bucket: '3_7d', maxHours: 168 },
  { bucket: '7_30d', maxHours: 720 },
  { bucket: 'over_30d', maxHours: null },
] as const;

/**
 * Tips undecided now (submitted or needing information), by age: an index-only scan of the
 * queue index (district, status, …, created_at) — the open band of each district, not its history.
 */
export async function backlogFigures(o: { districtIds: number[]; now: Date }) {
  const ageLimit = (hours: number) => new Date(o.now.getTime() - hours * HOUR_S * 1000).toISOString();
  const columns = BACKLOG_AGES.map((b, i) => {
    const newer = b.maxHours === null ? sql`true` : sql`created_at > ${ageLimit(b.maxHours)}`;
    const prev = BACKLOG_AGES[i - 1];
    const older = prev ? sql`created_at <= ${ageLimit(prev.maxHours!)}` : sql`true`;
    return sql`count(*) FILTER (WHERE ${newer} AND ${older})::int AS ${sql.identifier(b.bucket)}`;
  });
  const { rows } = await db.execute<Record<string, number>>(sql`
    SELECT count(*)::int AS total, ${sql.join(columns, sql`, `)}
    FROM tips
    WHERE district_id = ANY(${districtArray(o.districtIds)}) AND status IN ('submitted', 'needs_info')`);
  const [row] = rows;
  return { total: Number(row.total), byAge: BACKLOG_AGES.map((b) => ({ bucket: b.bucket, tips: Number(row[b.bucket]) })) };
}
