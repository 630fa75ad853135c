import { sql, type SQL } from 'drizzle-orm';
import { cases, communities, districts, tips } from '../../db/schema/index';
import { csvCellSql, csvRecordSql, isoTimestampSql } from '../../http/csv';

/** Column names of the export (English keys; district and community names in Chinese). */
export const TIP_CSV_COLUMNS = [
  'reference',
  'submitted_at',
  'decided_at',
  'district',
  'community',
  'category',
  'status',
  'priority',
  'case_reference',
] as const;

/**
 * One CSV record per tip, written by the database (tips joined to their district, community and
 * case): no reporter, no text written by the tipster, no place finer than the community.
 */
export function tipCsvRecordSql(): SQL {
  return csvRecordSql([
    csvCellSql(sql`${tips.reference}`),
    isoTimestampSql(sql`${tips.createdAt}`),
    isoTimestampSql(sql`${tips.decidedAt}`),
    csvCellSql(sql`${districts.nameZh}`),
    csvCellSql(sql`${communities.nameZh}`),
    csvCellSql(sql`${tips.category}::text`),
    csvCellSql(sql`${tips.status}::text`),
    csvCellSql(sql`${tips.priority}::text`),
    csvCellSql(sql`${cases.reference}`),
  ]);
}
