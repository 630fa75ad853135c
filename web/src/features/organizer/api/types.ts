import type { RedemptionStatus } from '../../points/api/types';

export type ManagedCommunity = {
  id: number;
  districtId: number;
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
