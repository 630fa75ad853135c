/** Tips as the API answers them: the types are the schemas' (packages/schemas/src/tip-views.ts), never a copy. */
export { PRIORITIES as priorities, TIP_STATUSES as tipStatuses } from '@hy/schemas/tip-rules';
export type { HistoryVerification, PoliceTip, Priority, Tip, TipCorrection, TipHistoryEntry, TipMedia, TipStatus } from '@hy/schemas/tip-views';
