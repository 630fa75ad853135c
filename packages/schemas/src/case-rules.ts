/**
 * The case rules a page needs, without zod: the statuses (the database enum `case_status` is made
 * from this list) and the moves between them — the one table the API enforces
 * (cases.policy canMoveCaseTo) and the case page offers.
 */

export const CASE_STATUSES = ['open', 'investigating', 'solved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** open → investigating → solved | closed; a solved or closed case can be reopened or investigated again. */
export const CASE_MOVES: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['investigating', 'closed'],
  investigating: ['solved', 'closed', 'open'],
  solved: ['open', 'investigating'],
  closed: ['open', 'investigating'],
};

export const canMoveCaseTo = (from: CaseStatus, to: CaseStatus) => CASE_MOVES[from].includes(to);

/** Lengths of a case's texts (the API's schemas and the web's fields read the same numbers). */
export const CASE_TEXT = { titleMin: 2, titleMax: 200, summaryMax: 4000, noteMax: 4000 } as const;
