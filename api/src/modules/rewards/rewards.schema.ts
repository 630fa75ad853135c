import { z } from 'zod';
import { dateTime, plainText, singleLine } from '@hy/schemas/fields';

const name = singleLine({ max: 100, tooShort: 'is required' });
const description = plainText({ min: 0, max: 1000 });
const when = dateTime().nullable();

const RewardFields = {
  nameZh: name,
  nameEn: name,
  descriptionZh: description,
  descriptionEn: description,
  cost: z.number({ message: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(100_000, 'must be at most 100000'),
  stock: z.number({ message: 'must be a whole number' }).int('must be a whole number').min(0, 'must not be negative').max(1_000_000, 'must be at most 1000000'),
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

export const UpdateReward = z
  .strictObject(RewardFields)
  .partial()
  .refine((r) => Object.keys(r).length > 0, { message: 'give at least one field to change' })
  .refine(windowIsOrdered, windowIssue);
export type UpdateReward = z.infer<typeof UpdateReward>;

export const RedemptionStatus = z.enum(['pending', 'fulfilled', 'rejected'], { message: 'must be pending, fulfilled or rejected' });

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
  note: plainText({ min: 0, max: 500 }).optional(),
});
export type DecideRedemption = z.infer<typeof DecideRedemption>;
