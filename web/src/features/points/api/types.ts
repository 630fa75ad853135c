import type { LocalizedName, RedemptionStatus } from '../../../shared/types/reward';

export type LedgerEntry = {
  id: number;
  delta: number;
  reason: 'tip_validated' | 'tip_priority_bonus' | 'case_solved_bonus' | 'false_report_penalty' | 'redemption' | 'redemption_refund' | 'adjustment' | 'reversal';
  note: string | null;
  tip: { id: string; reference: string } | null;
  case: { id: string; reference: string } | null;
  redemption: { id: string; status: RedemptionStatus | null; reward: ({ id: string } & LocalizedName) | null } | null;
  createdAt: string;
};

export type PointsPage = { balance: number; earnedToday: number; dailyCap: number; entries: LedgerEntry[]; nextCursor: string | null };

export type Redemption = {
  id: string;
  status: RedemptionStatus;
  cost: number;
  note: string | null;
  reward: { id: string } & LocalizedName;
  createdAt: string;
  decidedAt: string | null;
};

export type Period = 'week' | 'month' | 'all';

export type VolunteerBoard = {
  period: Period;
  periodStart: string;
  entries: { rank: number; displayName: string; points: number; community: ({ id: number } & LocalizedName) | null; isMe: boolean }[];
  me: { rank: number; points: number } | null;
};

export type CommunityBoard = {
  period: Period;
  perCapita: boolean;
  entries: {
    rank: number;
    community: { id: number; districtId: number } & LocalizedName;
    points: number;
    memberCount: number;
    pointsPerMember: number | null;
    isMine: boolean;
  }[];
  me: { rank: number; points: number; communityId: number } | null;
};
