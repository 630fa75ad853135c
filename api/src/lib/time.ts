/** Hengyang keeps China Standard Time (UTC+8, no daylight saving): days and periods are counted there. */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** YYYY-MM-DD of the instant in Asia/Shanghai. */
export function cstDate(at: Date = new Date()): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Monday of the instant's week (Asia/Shanghai), YYYY-MM-DD. */
export function cstWeekStart(at: Date = new Date()): string {
  const local = new Date(at.getTime() + CST_OFFSET_MS);
  const dow = (local.getUTCDay() + 6) % 7;
  local.setUTCDate(local.getUTCDate() - dow);
  return local.toISOString().slice(0, 10);
}

/** First of the instant's month (Asia/Shanghai), YYYY-MM-DD. */
export function cstMonthStart(at: Date = new Date()): string {
  return cstDate(at).slice(0, 8) + '01';
}
