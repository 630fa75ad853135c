import { nextDailyReference } from '../../lib/daily-reference';

/** CASE-YYYYMMDD-NNNN, unique per day. */
export const nextCaseReference = (now = new Date()) => nextDailyReference('case_reference_counters', 'CASE', now);
