import { iso } from '@hy/schemas/answers';
import type { LedgerEntry } from '@hy/schemas/points';
import type { RedemptionStatus } from '@hy/schemas/rewards';
import type { pointsLedger } from '../../db/schema/index';

type LedgerRow = {
  entry: typeof pointsLedger.$inferSelect;
  tip: { id: string; reference: string } | null;
  case: { id: string; reference: string } | null;
  campaign: { id: string; title: string } | null;
  reward: { id: string; nameZh: string; nameEn: string } | null;
  redemptionStatus: RedemptionStatus | null;
};

/** One ledger entry as its owner sees it: what it was for, never who in the police decided it. */
export function presentLedgerEntry(r: LedgerRow): LedgerEntry {
  return {
    id: r.entry.id,
    delta: r.entry.delta,
    reason: r.entry.reason,
    note: r.entry.note,
    tip: r.tip,
    case: r.case,
    campaign: r.campaign,
    redemption:
      r.entry.redemptionId === null
        ? null
        : { id: r.entry.redemptionId, status: r.redemptionStatus, reward: r.reward },
    createdAt: iso(r.entry.createdAt),
  };
}
