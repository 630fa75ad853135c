import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
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
 * Streams rows as a CSV download: UTF-8 with a BOM (so Excel reads Chinese correctly), CRLF line
 * ends, the header first. Rows are pulled from `rows` only as fast as the client reads, so memory
 * stays flat for any length; a client that goes away stops the reading.
 */
export async function sendCsv<T>(
  res: Response,
  opts: { filename: string; columns: readonly string[]; rows: AsyncIterable<T>; toCells: (row: T) => Cell[] },
): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${opts.filename}"`);
  const cells = async function* () {
    for await (const row of opts.rows) yield opts.toCells(row).map(csvSafe);
  };
  const csv = stringify({ header: true, columns: [...opts.columns], bom: true, record_delimiter: 'windows' });
  await pipeline(Readable.from(cells()), csv, res);
}
