import type { RedemptionStatus, Reward } from '../../../shared/types/reward';

export type ManagedCommunity = {
  id: number;
  code: string;
  districtId: number;
  townshipId: number;
  nameZh: string;
  nameEn: string;
  memberCount: number;
  points: { week: number; month: number; all: number };
};

export type ActivityPeriod = 'week' | 'month';

export type Activity = { period: ActivityPeriod; series: { periodStart: string; submitted: number; validated: number }[] };

export type QueuedRedemption = {
  id: string;
  status: RedemptionStatus;
  cost: number;
  note: string | null;
  reward: { id: string; nameZh: string; nameEn: string };
  volunteer: { displayName: string };
  community: { id: number; nameZh: string; nameEn: string } | null;
  createdAt: string;
  decidedAt: string | null;
};

export type Member = {
  displayName: string;
  joinedAt: string;
  balance: number;
  pointsEarned: number;
  community: { id: number; nameZh: string; nameEn: string } | null;
};

export type MembersPage = { members: Member[]; nextCursor: string | null };

/** A reward as its manager sees it: the switch, the window, and whether they may edit it. */
export type ManagedReward = Reward & {
  isActive: boolean;
  activeFrom: string | null;
  isOffered: boolean;
  createdAt: string;
  canEdit: boolean;
};

/** The editable fields, as POST /api/rewards and PATCH /api/rewards/:id take them. */
export type RewardFields = {
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  cost: number;
  stock: number;
  isActive: boolean;
  activeFrom: string | null;
  activeUntil: string | null;
};
