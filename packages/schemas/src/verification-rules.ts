/**
 * On-site check values a page needs without zod; the database enums `verification_finding` and
 * `verification_status` are made from these lists (verifications.ts reads the same).
 */

export const FINDINGS = ['confirmed', 'not_found', 'unclear'] as const;
export type Finding = (typeof FINDINGS)[number];

export const VERIFICATION_TASK_STATUSES = ['open', 'reported'] as const;
