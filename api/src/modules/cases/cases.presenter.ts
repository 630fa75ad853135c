import type { CaseNote, CaseSummary } from '@hy/schemas/cases';
import type { Presented } from '@hy/schemas/presented';
import type { caseNotes, cases } from '../../db/schema/index';

type CaseRow = typeof cases.$inferSelect;
type NoteRow = typeof caseNotes.$inferSelect;
export type Person = { id: string; displayName: string };

/** A case in lists: police names only, never a reporter. */
export function presentCase(c: CaseRow, extra: { tipCount: number; lead: Person | null }): Presented<CaseSummary> {
  return {
    id: c.id,
    reference: c.reference,
    districtId: c.districtId,
    title: c.title,
    summary: c.summary,
    status: c.status,
    leadOfficer: extra.lead,
    tipCount: extra.tipCount,
    solvedAt: c.solvedAt,
    closedAt: c.closedAt,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export function presentNote(n: NoteRow, author: Person | null): Presented<CaseNote> {
  return { id: n.id, body: n.body, author, createdAt: n.createdAt };
}
