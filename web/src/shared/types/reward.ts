export type LocalizedName = { nameZh: string; nameEn: string };

export type Reward = {
  id: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  cost: number;
  stock: number;
  activeUntil: string | null;
  communityId: number | null;
};

export type RedemptionStatus = 'pending' | 'fulfilled' | 'rejected';
