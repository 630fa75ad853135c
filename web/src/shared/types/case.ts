/** Cases as the API answers them: the types are the schemas' (packages/schemas/src/cases.ts), never a copy. */
export { CASE_STATUSES as caseStatuses, type CaseStatus } from '@hy/schemas/case-rules';
export type { CaseDetail, CaseNote, CaseSummary, CaseTip } from '@hy/schemas/cases';
