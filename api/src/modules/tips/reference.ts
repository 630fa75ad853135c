import { nextDailyReference } from '../../lib/daily-reference';

/** HY-YYYYMMDD-NNNN, unique per day. */
export const nextTipReference = (now = new Date()) => nextDailyReference('tip_reference_counters', 'HY', now);
