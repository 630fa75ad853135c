import { z } from 'zod';
import { CommunitySearchText } from '@hy/schemas/reference';

const communityId = z.coerce.number({ message: 'must be a community id' }).int('must be a community id').positive('must be a community id').max(2_147_483_647);

export const MembersQuery = z.strictObject({
  communityId: communityId.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type MembersQuery = z.infer<typeof MembersQuery>;

export const ActivityQuery = z.strictObject({
  period: z.enum(['week', 'month'], { message: 'must be week or month' }).default('week'),
  communityId: communityId.optional(),
  buckets: z.coerce.number({ message: 'must be a number' }).int().min(1, 'must be at least 1').max(52, 'must be at most 52').default(12),
});
export type ActivityQuery = z.infer<typeof ActivityQuery>;

export const ManagedCommunitiesQuery = z.strictObject({
  communityId: communityId.optional(),
  q: CommunitySearchText.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(50),
});
export type ManagedCommunitiesQuery = z.infer<typeof ManagedCommunitiesQuery>;
