import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { sql, type SQL } from 'drizzle-orm';
import { CSV_RECORD_OPTIONS, csvCellSql, csvRecordSql, csvSafe, isoTimestampSql } from '../src/http/csv';
import { db } from './support/harness';

/** What the database makes of one expression. */
async function inDatabase(expression: SQL): Promise<string> {
  const { rows } = await db().execute<{ out: string }>(sql`select ${expression} as out`);
  return rows[0].out;
}

/** What csv-stringify writes for the same cells after `csvSafe` (the row path of `sendCsv`). */
const record = (cells: (string | null)[]) => stringify([cells.map(csvSafe)], CSV_RECORD_OPTIONS);

// Every case the two rules distinguish: empty and missing, each character that forces quotes,
// each formula start (and a minus that is text), quotes inside quotes, and Chinese.
const CELLS = [
  null,
  '',
  'plain',
  '雁峰区先锋街道',
  'a,b',
  'say "hi"',
  '""',
  'line\nbreak',
  'cr\ronly',
  'crlf\r\nend',
  ',',
  '\n',
  '=SUM(A1:A9)',
  '=HYPERLINK("http://evil","点我")',
  '+86 138',
  '-2',
  '@cmd',
  '\tTab first',
  '\rCR first',
  "'already quoted",
  ' leading space',
  'trailing space ',
  'CASE-20260301-0001',
];

describe('CSV written by the database', () => {
  it('writes every cell exactly as csvSafe and csv-stringify do', async () => {
    for (const cell of CELLS) {
      const expected = record([cell]).replace(/\r\n$/, '');
      expect(await inDatabase(csvCellSql(sql`${cell}::text`)), JSON.stringify(cell)).to.equal(expected);
    }
  });

  it('writes a record of such cells with commas and CRLF exactly as csv-stringify does', async () => {
    const cells = CELLS.slice(0, 12);
    expect(await inDatabase(csvRecordSql(cells.map((c) => csvCellSql(sql`${c}::text`))))).to.equal(record(cells));
  });

  it('quotes a cell with a lone line break, so a reader keeps the record whole', async () => {
    expect(record(['a\nb', 'c\rd', 'e'])).to.equal('"a\nb","c\rd",e\r\n');
    expect(parse(record(['line\nbreak', 'x']) + record(['y', 'z']))).to.deep.equal([['line\nbreak', 'x'], ['y', 'z']]);
  });

  it('writes times as Date.toISOString does, and a missing time as an empty cell', async () => {
    for (const iso of ['2026-03-01T02:00:00.000Z', '2025-12-31T23:59:59.999Z', '2026-06-15T08:30:15.120Z', '2024-02-29T16:05:09.007Z']) {
      expect(await inDatabase(isoTimestampSql(sql`${iso}::timestamptz`))).to.equal(new Date(iso).toISOString());
    }
    expect(await inDatabase(isoTimestampSql(sql`${null}::timestamptz`))).to.equal('');
  });
});
