/**
 * The tip rules a page needs before it sends, without zod: statuses, priorities, the length of a
 * description and the photo limits. The schemas (tips.ts, tip-views.ts) and the server's upload
 * limits (api media/upload.ts) read the same constants.
 */

export const TIP_STATUSES = ['submitted', 'needs_info', 'valid', 'invalid', 'duplicate'] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** What police may decide about a tip (POST /api/tips/:id/triage). */
export const DECISIONS = ['valid', 'invalid', 'duplicate', 'needs_info'] as const;
export type Decision = (typeof DECISIONS)[number];

/** What a history entry records (the database enum `history_kind`); `verification` is shown to police only. */
export const HISTORY_KINDS = ['status', 'note', 'reveal', 'link', 'transfer', 'verification'] as const;

/** The state of a tip's latest on-site check (the queue filter and the tip view). */
export const VERIFICATION_STATES = ['pending', 'overdue', 'reported'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

/** Characters of a description after cleaning (fields.ts plainText). */
export const DESCRIPTION_LENGTH = { min: 10, max: 4000 } as const;
/** An address or place as typed. */
export const ADDRESS_LENGTH = { min: 2, max: 300 } as const;
/** An officer's note with a decision. */
export const DECISION_NOTE_MAX = 2000;
/** A supervisor's written reason to reveal a reporter's identity. */
export const REVEAL_REASON_LENGTH = { min: 10, max: 1000 } as const;

/** Photos of one tip, and the bytes of each as uploaded (they are re-encoded smaller). */
export const MAX_PHOTOS = 6;
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
