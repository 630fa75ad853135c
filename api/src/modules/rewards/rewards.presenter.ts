import { iso } from '@hy/schemas/answers';
import type { ManagedReward, QueuedRedemption, Redemption, Reward } from '@hy/schemas/rewards';
import type { redemptions, rewards } from '../../db/schema/index';
import { isOffered } from './rewards.policy';

type RewardRow = typeof rewards.$inferSelect;
type RedemptionRow = typeof redemptions.$inferSelect;
type RewardName = { id: string; nameZh: string; nameEn: string };

/** The catalogue as a volunteer sees it. */
export function presentReward(r: RewardRow): Reward {
  return {
    id: r.id,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    descriptionZh: r.descriptionZh,
    descriptionEn: r.descriptionEn,
    cost: r.cost,
    stock: r.stock,
    activeUntil: iso(r.activeUntil),
    communityId: r.communityId,
  };
}

/** Admins and organizers also see the switch, the window and whether they may edit it. */
export function presentRewardForManager(r: RewardRow, canEdit: boolean): ManagedReward {
  return {
    ...presentReward(r),
    isActive: r.isActive,
    activeFrom: iso(r.activeFrom),
    isOffered: isOffered(r),
    createdAt: iso(r.createdAt),
    canEdit,
  };
}

/** A volunteer's own redemption. */
export function presentMyRedemption(r: { redemption: RedemptionRow; reward: RewardName }): Redemption {
  return {
    id: r.redemption.id,
    status: r.redemption.status,
    cost: r.redemption.cost,
    note: r.redemption.note,
    reward: r.reward,
    createdAt: iso(r.redemption.createdAt),
    decidedAt: iso(r.redemption.decidedAt),
  };
}

/** The organizer's queue: who to hand it to by display name only (never phone or real name). */
export function presentRedemptionForManager(r: {
  redemption: RedemptionRow;
  reward: RewardName;
  volunteer: { displayName: string };
  community: { id: number; nameZh: string; nameEn: string } | null;
}): QueuedRedemption {
  return {
    ...presentMyRedemption(r),
    volunteer: { displayName: r.volunteer.displayName },
    community: r.community,
  };
}
