/** Statistics days are Hengyang's (Asia/Shanghai, UTC+8 all year). */
export const hengyangToday = (now = Date.now()) => new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const PRESETS = ['7', '30', '90', '365'] as const;
export type Preset = (typeof PRESETS)[number] | 'custom';

/** The last `days` days, today included. */
export const presetPeriod = (days: number, today = hengyangToday()) => ({ from: addDays(today, -(days - 1)), to: today });
