import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';

type Cell = string | number | null;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab/CR) as a formula: such text is
 * prefixed with an apostrophe (OWASP "CSV injection"). Numbers are left alone.
 */
export function csvSafe(value: Cell): Cell {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
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
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${opts.filename}"`);
  const pieces = async function* () {
    yield stringify([], { header: true, columns: [...opts.columns], bom: true, record_delimiter: 'windows' });
    let records: Cell[][] = [];
    for await (const row of opts.rows) {
      records.push(opts.toCells(row).map(csvSafe));
      if (records.length < PIECE_ROWS) continue;
      yield stringify(records, { record_delimiter: 'windows' });
      records = [];
    }
    if (records.length) yield stringify(records, { record_delimiter: 'windows' });
  };
  await pipeline(Readable.from(pieces(), { highWaterMark: 1 }), res);
}
