/**
 * A counter per district that moves whenever a tip enters that district's queue or changes status
 * or district there: a submission (once written), every decision, transfer and reversal
 * (transitions.ts). What keeps something read from a district's tips for a moment — the queue's
 * header counts (triage.service) — keeps it under the counter it read before reading, and drops it
 * once the counter has moved. `city` moves with every district.
 *
 * In this process only: another instance's change reaches a reader here through the time limit of
 * what it keeps, never through this counter.
 */
const byDistrict = new Map<number, number>();
let city = 0;

export function queueChanged(districtId: number): void {
  city += 1;
  byDistrict.set(districtId, (byDistrict.get(districtId) ?? 0) + 1);
}

/** The counter of one district's queue, or of the whole city's (`undefined`). */
export function queueVersion(districtId: number | undefined): number {
  return districtId === undefined ? city : (byDistrict.get(districtId) ?? 0);
}
