import { z } from 'zod';

const id = (what: string) => z.coerce.number({ message: `must be a ${what} id` }).int(`must be a ${what} id`).positive(`must be a ${what} id`).max(2_147_483_647);

export const Period = z.enum(['week', 'month', 'all'], { message: 'must be week, month or all' });
export type Period = z.infer<typeof Period>;

const common = {
  period: Period.default('week'),
  districtId: id('district').max(32767).optional(),
  limit: z.coerce.number({ message: 'must be a number' }).int().min(1, 'must be at least 1').max(100, 'must be at most 100').default(50),
};

export const VolunteerBoardQuery = z.strictObject({ ...common, communityId: id('community').optional() });
export type VolunteerBoardQuery = z.infer<typeof VolunteerBoardQuery>;

export const CommunityBoardQuery = z.strictObject({
  ...common,
  perCapita: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false').transform((v) => v === 'true'),
});
export type CommunityBoardQuery = z.infer<typeof CommunityBoardQuery>;
