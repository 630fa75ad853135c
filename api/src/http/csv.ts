import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import { sql, type SQL } from 'drizzle-orm';
import type { Response } from 'express';

type Cell = string | number | null;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab/CR) as a formula: such text is
 * prefixed with an apostrophe (OWASP "CSV injection"). Numbers are left alone.
 */
export function csvSafe(value: Cell): Cell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * What makes a cell quoted: the delimiter, the quote, or any line break. csv-stringify with
 * `record_delimiter` CRLF quotes only a CRLF, and a lone LF or CR (free text: audit details,
 * campaign notes) would end the record early for a reader; `quoted_match` quotes those too.
 */
const NEEDS_QUOTES = /[",\r\n]/;
/** csv-stringify's options for every record: CRLF ends (Excel), line breaks inside a cell quoted. */
export const CSV_RECORD_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

/**
 * The same cell as `csvSafe` then csv-stringify write it (`test/csv-sql.test.ts` compares the
 * two on every special case), computed by the database: for exports too large to turn each row
 * into JavaScript objects (the tip export), whose rows arrive as finished CSV text. NULL and ''
 * are an empty cell; a formula start gets the apostrophe; a cell with `"`, `,`, CR or LF is quoted,
 * its quotes doubled. The patterns go as parameters, so they mean the same on PGlite.
 */
export function csvCellSql(value: SQL): SQL {
  const safe = sql`CASE WHEN ${value} ~ ${FORMULA_START.source} THEN '''' || ${value} ELSE ${value} END`;
  return sql`coalesce(CASE WHEN ${value} ~ ${NEEDS_QUOTES.source} THEN '"' || replace(${safe}, '"', '""') || '"' ELSE ${safe} END, '')`;
}

/** A timestamp as `Date.prototype.toISOString` writes it (UTC, milliseconds, `Z`); NULL as an empty cell. */
export function isoTimestampSql(value: SQL): SQL {
  return sql`coalesce(to_char(${value} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '')`;
}

/** One CSV record with its CRLF, from cells already made by `csvCellSql` / `isoTimestampSql`. */
export function csvRecordSql(cells: SQL[]): SQL {
  return sql`${sql.join(cells, sql` || ',' || `)} || ${'\r\n'}`;
}

/**
 * Rows per piece of CSV text written to the response. One string per piece, not one per row:
 * each row's cells become garbage at once, and the response sees a few hundred writes per 100k
 * rows instead of 100k (each write is a chunk object, a socket request and, under back-pressure,
 * a buffered entry) — with one string per row a 2M-row export grew the heap by over 100 MB.
 */
const PIECE_ROWS = 500;

/**
 * Streams rows as a CSV download: UTF-8 with a BOM (so Excel reads Chinese correctly), CRLF line
 * ends, the header first (also when there are no rows). Rows are pulled from `rows` only as fast
 * as the client reads (one piece waits at most), so memory stays flat for any length; a client
 * that goes away stops the reading.
 */
export async function sendCsv<T>(
  res: Response,
  opts: { filename: string; columns: readonly string[]; rows: AsyncIterable<T>; toCells: (row: T) => Cell[] },
): Promise<void> {
  const pieces = async function* () {
    let records: Cell[][] = [];
    for await (const row of opts.rows) {
      records.push(opts.toCells(row).map(csvSafe));
      if (records.length < PIECE_ROWS) continue;
      yield stringify(records, CSV_RECORD_OPTIONS);
      records = [];
    }
    if (records.length) yield stringify(records, CSV_RECORD_OPTIONS);
  };
  await sendCsvText(res, { filename: opts.filename, columns: opts.columns, pieces: pieces() });
}

/**
 * The same download from rows that are already CSV text (CRLF-terminated records, as
 * `csvRecordSql` makes them): the BOM and the header are written here, then each piece as it
 * comes, pulled only as fast as the client reads.
 */
export async function sendCsvText(
  res: Response,
  opts: { filename: string; columns: readonly string[]; pieces: AsyncIterable<string> },
): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${opts.filename}"`);
  const all = async function* () {
    yield stringify([], { ...CSV_RECORD_OPTIONS, header: true, columns: [...opts.columns], bom: true });
    yield* opts.pieces;
  };
  await pipeline(Readable.from(all(), { highWaterMark: 1 }), res);
}
