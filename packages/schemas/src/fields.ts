import { z } from 'zod';
import { cleanText, NUL } from './text';

/**
 * Zod building blocks for input fields (issue 11, "text hygiene in one place"): every text a
 * person types and every date a client sends goes through one of these, so the rules of
 * docs/architecture.md "Input hygiene" hold in every module without being copied.
 */

type TextRules = {
  /** Characters after cleaning (UTF-16 code units, as `String.length`). */
  min?: number;
  max: number;
  /** Said when shorter than `min` (default: "must be at least N characters"). */
  tooShort?: string;
};

const mustBeText = (message?: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? (message ?? 'is required') : 'must be text') });

function text({ min = 1, max, tooShort }: TextRules, isSingleLine: boolean) {
  return mustBeText()
    .refine((s) => !s.includes(NUL), 'must not contain NUL characters (U+0000)')
    .transform((s) => cleanText(s, { isSingleLine }))
    .pipe(
      z
        .string()
        .min(min, tooShort ?? (min === 1 ? 'must not be empty' : `must be at least ${min} characters`))
        .max(max, `must be at most ${max} characters`),
    )
    .meta({ minLength: min, maxLength: max });
}

/**
 * Free text over several lines (descriptions, notes, messages, summaries): NUL refused; invisible
 * characters and controls other than newline and tab removed; NFC; trimmed; then measured.
 */
export const plainText = (rules: TextRules) => text(rules, false);

/** One line (titles, names, addresses, search terms): the same, with line breaks and tabs as spaces. */
export const singleLine = (rules: TextRules) => text(rules, true);

/** The range of dates the platform accepts anywhere: wide enough for any real tip or reward. */
export const DATE_RANGE = { first: '2000-01-01', last: '2100-12-31' } as const;
const FIRST_MS = Date.UTC(2000, 0, 1);
const AFTER_LAST_MS = Date.UTC(2101, 0, 1);
/** Hengyang's time (UTC+8, no daylight saving): how a date-time without a zone is read. */
const CST_OFFSET_MINUTES = 8 * 60;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const FORMAT = 'must be an ISO 8601 date (2026-03-01) or date and time (2026-03-01T08:30:00+08:00)';

/**
 * An ISO 8601 date or date-time, calendar-checked (2026-02-30 is refused, not rolled into March)
 * and inside DATE_RANGE. A bare day is its UTC midnight (as JavaScript reads it); a date-time
 * without a zone is read in China Standard Time. Returns the instant, or why it is not one.
 */
export function parseInstant(input: string): Date | string {
  const m = ISO.exec(input.trim());
  if (!m) return FORMAT;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((part) => (part === undefined ? undefined : Number(part)));
  const [fraction, zone] = [m[7] ?? '', m[8]];
  // Before Date.UTC: it maps years 0–99 to 1900–1999.
  if (year! < 1999 || year! > 2101) return `must be between ${DATE_RANGE.first} and ${DATE_RANGE.last}`;
  const daysInMonth = month! >= 1 && month! <= 12 ? new Date(Date.UTC(year!, month!, 0)).getUTCDate() : 0;
  if (day! < 1 || day! > daysInMonth) return 'is not a real calendar date';
  if (hour! > 23 || minute! > 59 || second! > 59) return 'is not a real time of day';
  let offsetMinutes = m[4] === undefined ? 0 : CST_OFFSET_MINUTES;
  if (zone?.toUpperCase() === 'Z') offsetMinutes = 0;
  else if (zone) {
    const [hours, minutes] = [Number(zone.slice(1, 3)), Number(zone.replace(':', '').slice(3) || 0)];
    if (hours > 14 || minutes > 59) return 'has an impossible time zone offset';
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  const ms = Date.UTC(year!, month! - 1, day!, hour, minute, second, Math.floor(Number(`0.${fraction || 0}`) * 1000)) - offsetMinutes * 60_000;
  if (ms < FIRST_MS || ms >= AFTER_LAST_MS) return `must be between ${DATE_RANGE.first} and ${DATE_RANGE.last}`;
  return new Date(ms);
}

/**
 * A date or date-time field (see parseInstant), parsed to a Date. Also takes a Date, for services
 * that call each other with parsed input; never a number (epoch milliseconds are not a format a
 * person or a form sends, and they reach the edges of JavaScript's range unnoticed).
 */
export const dateTime = (message = 'must be a date and time') =>
  z.preprocess(
    (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString() : v),
    z
      .string({ error: message })
      .max(40, FORMAT)
      .transform((s, ctx) => {
        const at = parseInstant(s);
        if (typeof at !== 'string') return at;
        ctx.addIssue({ code: 'custom', message: at });
        return z.NEVER;
      }),
  );

/** An instant kept as text (keyset cursors pass it to SQL as is), held to the same rules. */
export const instantText = z.string().refine((s) => typeof parseInstant(s) !== 'string', 'is not a valid instant');

export const Uuid = z.uuid({ message: 'must be a UUID' });

/** An instant in an answer: ISO 8601 in UTC, as res.json writes a Date. */
export const Instant = z.string().meta({ format: 'date-time' });
