import { clock } from '../../lib/clock';
import { validationError } from '../../http/errors';
import { DEFAULT_PERIOD_DAYS, MAX_PERIOD_DAYS } from '@hy/schemas/stats';

const DAY_MS = 86_400_000;
/** Asia/Shanghai is UTC+8 all year (no DST): statistics days are its calendar days. */
const CST_OFFSET_MS = 8 * 3_600_000;

/** A period of whole days, `from` and `to` included, and the instants that bound it (`end` excluded). */
export type Period = { from: string; to: string; days: number; start: Date; end: Date };

/** Figures of one scope: a district, or the city (null). */
export type FigureScope = { districtIds: number[]; start: Date; end: Date };

export const cstDay = (at: Date): string => new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
const dayStart = (day: string): Date => new Date(Date.parse(`${day}T00:00:00Z`) - CST_OFFSET_MS);
export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The requested period, or the last 30 days to today; 400 for a reversed or over-long one. */
export function resolvePeriod(q: { from?: string; to?: string }): Period {
  const to = q.to ?? (q.from ? addDays(q.from, DEFAULT_PERIOD_DAYS - 1) : cstDay(clock.now()));
  const from = q.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
  if (days < 1) throw validationError([{ field: 'to', message: 'must not be before from' }]);
  if (days > MAX_PERIOD_DAYS) throw validationError([{ field: 'to', message: `the period may cover at most ${MAX_PERIOD_DAYS} days (two years)` }]);
  return { from, to, days, start: dayStart(from), end: dayStart(addDays(to, 1)) };
}

/** Monday of the ISO week a day belongs to. */
export function weekOf(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((dow + 6) % 7));
}

/** Mondays of every week the period touches, in order (the chart's x axis, weeks without tips included). */
export function weeksOf(p: Period): string[] {
  const weeks: string[] = [];
  for (let w = weekOf(p.from); w <= p.to; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}
