import type { TipExportRow } from './tip-export';

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

/** One CSV row per tip: no reporter, no text written by the tipster, no place finer than the community. */
export function tipCsvRow(row: TipExportRow): (string | null)[] {
  return [
    row.reference,
    row.createdAt.toISOString(),
    row.decidedAt?.toISOString() ?? null,
    row.districtNameZh,
    row.communityNameZh,
    row.category,
    row.status,
    row.priority,
    row.caseReference,
  ];
}
