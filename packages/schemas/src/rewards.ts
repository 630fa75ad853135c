import { z } from 'zod';
import { instant, nextCursor, PlaceName } from './answers';
import { dateTime, plainText, singleLine } from './fields';
import { REDEMPTION_STATUSES, REWARD_LIMITS } from './reward-rules';

/** Rewards and redemptions (api/src/modules/rewards): what the routes take and what they answer. */


const name = singleLine({ max: REWARD_LIMITS.name, tooShort: 'is required' });
const description = plainText({ min: 0, max: REWARD_LIMITS.description });
const when = dateTime().nullable();
const { cost, stock } = REWARD_LIMITS;

const RewardFields = {
  nameZh: name,
  nameEn: name,
  descriptionZh: description,
  descriptionEn: description,
  cost: z.number({ message: 'must be a whole number' }).int('must be a whole number').min(cost.min, `must be at least ${cost.min}`).max(cost.max, `must be at most ${cost.max}`),
  stock: z.number({ message: 'must be a whole number' }).int('must be a whole number').min(stock.min, 'must not be negative').max(stock.max, `must be at most ${stock.max}`),
  isActive: z.boolean({ message: 'must be true or false' }),
  activeFrom: when,
  activeUntil: when,
};

const windowIsOrdered = (r: { activeFrom?: Date | null; activeUntil?: Date | null }) =>
  !r.activeFrom || !r.activeUntil || r.activeFrom < r.activeUntil;
const windowIssue = { message: 'must be after activeFrom', path: ['activeUntil'] };

export const CreateReward = z
  .strictObject({
    ...RewardFields,
    descriptionZh: description.default(''),
    descriptionEn: description.default(''),
    isActive: RewardFields.isActive.default(true),
    activeFrom: when.default(null),
    activeUntil: when.default(null),
    /** Null or absent: city-wide (admins only); an organizer's reward belongs to one of their communities. */
    communityId: z.number({ message: 'must be a community id' }).int().positive().max(2_147_483_647).nullable().optional(),
  })
  .refine(windowIsOrdered, windowIssue);
export type CreateReward = z.infer<typeof CreateReward>;
/** The body as a client sends it (dates as text). */
export type CreateRewardInput = z.input<typeof CreateReward>;

export const UpdateReward = z
  .strictObject(RewardFields)
  .partial()
  .refine((r) => Object.keys(r).length > 0, { message: 'give at least one field to change' })
  .refine(windowIsOrdered, windowIssue);
export type UpdateReward = z.infer<typeof UpdateReward>;
export type UpdateRewardInput = z.input<typeof UpdateReward>;

export const RedemptionStatus = z.enum(REDEMPTION_STATUSES, { message: 'must be pending, fulfilled or rejected' });
export type RedemptionStatus = z.infer<typeof RedemptionStatus>;

export const RedemptionsQuery = z.strictObject({
  status: RedemptionStatus.optional(),
  communityId: z.coerce.number({ message: 'must be a community id' }).int().positive().max(2_147_483_647).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type RedemptionsQuery = z.infer<typeof RedemptionsQuery>;

export const MyRedemptionsQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type MyRedemptionsQuery = z.infer<typeof MyRedemptionsQuery>;

export const DecideRedemption = z.strictObject({
  note: plainText({ min: 0, max: REWARD_LIMITS.note }).optional(),
});
export type DecideRedemption = z.infer<typeof DecideRedemption>;

/** Answers. */

/** A reward as a volunteer sees it in the catalogue. */
export const Reward = z
  .strictObject({
    id: z.uuid(),
    nameZh: z.string(),
    nameEn: z.string(),
    descriptionZh: z.string(),
    descriptionEn: z.string(),
    cost: z.number().int(),
    stock: z.number().int(),
    activeUntil: instant.nullable(),
    /** Null: city-wide. */
    communityId: z.number().int().nullable(),
  })
  .meta({ id: 'Reward' });
export type Reward = z.infer<typeof Reward>;

/** Organizers and admins also see the switch, the window and whether they may edit it. */
export const ManagedReward = Reward.extend({
  isActive: z.boolean(),
  activeFrom: instant.nullable(),
  /** Active and inside its window now. */
  isOffered: z.boolean(),
  createdAt: instant,
  canEdit: z.boolean(),
}).meta({ id: 'ManagedReward' });
export type ManagedReward = z.infer<typeof ManagedReward>;

/** GET /api/rewards: the catalogue; managers get the managed view of each reward. */
export const RewardList = z.strictObject({ rewards: z.union([z.array(ManagedReward), z.array(Reward)]) }).meta({ id: 'RewardList' });
export type RewardList = z.infer<typeof RewardList>;

export const ManagedRewardAnswer = z.strictObject({ reward: ManagedReward }).meta({ id: 'ManagedRewardAnswer' });
export type ManagedRewardAnswer = z.infer<typeof ManagedRewardAnswer>;

const RewardName = z.strictObject({ id: z.uuid(), nameZh: z.string(), nameEn: z.string() });

/** A volunteer's own redemption. */
export const Redemption = z
  .strictObject({
    id: z.uuid(),
    status: z.enum(REDEMPTION_STATUSES),
    cost: z.number().int(),
    note: z.string().nullable(),
    reward: RewardName,
    createdAt: instant,
    decidedAt: instant.nullable(),
  })
  .meta({ id: 'Redemption' });
export type Redemption = z.infer<typeof Redemption>;

/** The organizer's queue: whom to hand it to by display name only (never phone or real name). */
export const QueuedRedemption = Redemption.extend({
  volunteer: z.strictObject({ displayName: z.string() }),
  community: PlaceName.nullable(),
}).meta({ id: 'QueuedRedemption' });
export type QueuedRedemption = z.infer<typeof QueuedRedemption>;

export const RedemptionAnswer = z.strictObject({ redemption: Redemption }).meta({ id: 'RedemptionAnswer' });
export type RedemptionAnswer = z.infer<typeof RedemptionAnswer>;

/** POST /api/rewards/:id/redeem: the redemption and the balance left. */
export const Redeemed = z.strictObject({ redemption: Redemption, balance: z.number().int() }).meta({ id: 'Redeemed' });
export type Redeemed = z.infer<typeof Redeemed>;

export const MyRedemptionsPage = z.strictObject({ redemptions: z.array(Redemption), nextCursor }).meta({ id: 'MyRedemptionsPage' });
export type MyRedemptionsPage = z.infer<typeof MyRedemptionsPage>;

export const RedemptionQueuePage = z.strictObject({ redemptions: z.array(QueuedRedemption), nextCursor }).meta({ id: 'RedemptionQueuePage' });
export type RedemptionQueuePage = z.infer<typeof RedemptionQueuePage>;
