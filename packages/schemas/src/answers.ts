import { z } from 'zod';

/**
 * Building blocks of response schemas (what the API answers, as the client reads the JSON): the
 * OpenAPI document's responses, the tests' response check and the web's types (z.infer).
 */

/** An instant as JSON carries it: ISO 8601 in UTC (`Date.toJSON`). Presenters write `toISOString()`. */
export const instant = z.string().meta({ format: 'date-time', example: '2026-11-30T08:30:00.000Z' });

/** A calendar day of Hengyang (Asia/Shanghai), YYYY-MM-DD. */
export const calendarDay = z.string().meta({ format: 'date', example: '2026-11-30' });

/** A place as lists name it: its id and both names. */
export const PlaceName = z.strictObject({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() }).meta({ id: 'PlaceName' });
export type PlaceName = z.infer<typeof PlaceName>;

/** The keyset position of the next page, or null on the last one. */
export const nextCursor = z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page.' });

/** `Date` → its JSON form; null stays null. */
export const iso = <D extends Date | null>(d: D): D extends Date ? string : string | null => (d === null ? null : d.toISOString()) as never;
