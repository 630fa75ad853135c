import { sql } from 'drizzle-orm';
import { db } from '../../db/client';

/** A scope of statistics: districts (the city = all of them) and instants [start, end). */
export type TipFigureScope = { districtIds: number[]; start: Date; end: Date };

const HOUR_S = 3600;

/** District ids as one array parameter (the plan is the same for one district or twelve). */
export const districtArray = (ids: number[]) => sql`${`{${ids.join(',')}}`}::smallint[]`;
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The statistics scope of the summaries: a district's id, or 0 for the city. `from`/`to` are the
 * period's first and last day (Asia/Shanghai), `today` is today's.
 */
export type SummaryScope = { scope: number; from: string; to: string; today: string };

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/**
 * Volunteers with a tip submitted in the period, exactly, from volunteer_day_pairs (a pair per
 * volunteer and day with a tip, with the volunteer's previous such day): a volunteer is active in
 * [from, to] when a pair has prevDay < from ≤ day ≤ to. Read directly that is a range of the
 * period's days; for a period that ends near today the complement is shorter — those with a tip
 * on or after `from` (volunteer_last_days) minus those whose first day on or after `from` comes
 * after `to` — and is what the page's "last N days" reads (no pair lies after today).
 */
async function activeVolunteers(s: SummaryScope): Promise<number> {
  const isRecent = dayNumber(s.today) - dayNumber(s.to) < dayNumber(s.to) - dayNumber(s.from);
  const { rows } = await db.execute<{ active: number }>(
    isRecent
      ? sql`
        SELECT (SELECT coalesce(sum(volunteers), 0) FROM volunteer_last_days WHERE scope = ${s.scope} AND day >= ${s.from}::date)
             - (SELECT coalesce(sum(volunteers), 0) FROM volunteer_day_pairs
                WHERE scope = ${s.scope} AND day > ${s.to}::date AND prev_day < ${s.from}::date) AS active`
      : sql`
        SELECT coalesce(sum(volunteers), 0) AS active FROM volunteer_day_pairs
        WHERE scope = ${s.scope} AND day BETWEEN ${s.from}::date AND ${s.to}::date AND prev_day < ${s.from}::date`,
  );
  return Number(rows[0].active);
}

/**
 * The median and 90th percentile of the time from submission to first decision (nearest rank:
 * the smallest time with at least half / 90 % of the period's decided tips at or below it, as
 * percentile_disc), exactly, without sorting every decided tip: tip_decision_hours gives the
 * period's count per whole hour, so the hour that holds each rank is known; the value is then
 * read from tip_first_decisions within that hour only (tip_first_decisions_hours_idx, one range
 * per district), skipping the ranks below it. One statement, so one snapshot.
 */
async function decisionTimes(s: SummaryScope & TipFigureScope) {
  const { rows } = await db.execute<{ decided: number; p: number; seconds: number | null }>(sql`
    WITH h AS (
      SELECT hours, sum(tips)::int AS n FROM tip_decision_hours
      WHERE scope = ${s.scope} AND day BETWEEN ${s.from}::date AND ${s.to}::date GROUP BY hours HAVING sum(tips) <> 0
    ), c AS (
      SELECT hours, (sum(n) OVER w - n)::int AS below, (sum(n) OVER w)::int AS upto, (sum(n) OVER ())::int AS total
      FROM h WINDOW w AS (ORDER BY hours)
    ), ranks AS (
      SELECT q.p, t.total, greatest(1, ceil(q.p * t.total))::int AS k
      FROM (VALUES (0.5::float8), (0.9::float8)) q(p), (SELECT max(total) AS total FROM c) t WHERE t.total > 0
    )
    SELECT r.total AS decided, r.p, (
      SELECT extract(epoch FROM d.first_decided_at - d.submitted_at)::float8 FROM tip_first_decisions d
      WHERE d.district_id = ANY(${districtArray(s.districtIds)})
        AND d.first_decided_at - d.submitted_at >= CASE WHEN b.hours < 0 THEN interval '-1000 years' ELSE make_interval(hours => b.hours) END
        AND d.first_decided_at - d.submitted_at < CASE WHEN b.hours >= 720 THEN interval '1000 years' ELSE make_interval(hours => b.hours + 1) END
        AND d.submitted_at >= ${s.start.toISOString()} AND d.submitted_at < ${s.end.toISOString()}
      ORDER BY d.first_decided_at - d.submitted_at OFFSET r.k - b.below - 1 LIMIT 1) AS seconds
    FROM ranks r JOIN c b ON r.k > b.below AND r.k <= b.upto`);
  const at = (p: number) => rows.find((r) => Number(r.p) === p)?.seconds ?? null;
  const hours = (seconds: number | null) => (seconds === null ? null : round2(Number(seconds) / HOUR_S));
  return { decided: rows.length ? Number(rows[0].decided) : 0, medianHours: hours(at(0.5)), p90Hours: hours(at(0.9)) };
}

/**
 * Tips submitted in the period: distinct reporting volunteers, and the median and 90th percentile
 * hours from submission to first decision — both from summaries whose size does not grow with the
 * tips (docs/performance.md, "Statistics page"), side by side on the pool.
 */
export async function submissionFigures(s: SummaryScope & TipFigureScope) {
  const [active, decisions] = await Promise.all([activeVolunteers(s), decisionTimes(s)]);
  return { activeVolunteers: active, ...decisions };
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
