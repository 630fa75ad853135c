/** Days are Hengyang days (the API counts days in Asia/Shanghai): the instant a YYYY-MM-DD day starts. */
export const dayStart = (day: string) => `${day}T00:00:00+08:00`;

/** The API's `to` is exclusive, a page's is the last day shown: the start of the next day. */
export function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return dayStart(next.toISOString().slice(0, 10));
}
