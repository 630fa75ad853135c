import { z } from 'zod';
import { calendarDay, instant, nextCursor, PlaceName } from './answers';
import { CommunitySearchText } from './reference';

/** The organizer's dashboard (api/src/modules/organizer): their communities, members and activity. */

const communityId = z.coerce.number({ message: 'must be a community id' }).int('must be a community id').positive('must be a community id').max(2_147_483_647);

export const MembersQuery = z.strictObject({
  communityId: communityId.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type MembersQuery = z.infer<typeof MembersQuery>;

export const ACTIVITY_PERIODS = ['week', 'month'] as const;
export type ActivityPeriod = (typeof ACTIVITY_PERIODS)[number];

export const ActivityQuery = z.strictObject({
  period: z.enum(ACTIVITY_PERIODS, { message: 'must be week or month' }).default('week'),
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

/** Answers. */

/** A community the organizer manages, with its members and the points they earned this week, month and ever. */
export const ManagedCommunity = z
  .strictObject({
    id: z.number().int(),
    code: z.string(),
    districtId: z.number().int(),
    townshipId: z.number().int().nullable(),
    nameZh: z.string(),
    nameEn: z.string(),
    memberCount: z.number().int(),
    points: z.strictObject({ week: z.number().int(), month: z.number().int(), all: z.number().int() }),
  })
  .meta({ id: 'ManagedCommunity' });
export type ManagedCommunity = z.infer<typeof ManagedCommunity>;

export const ManagedCommunitiesPage = z.strictObject({ communities: z.array(ManagedCommunity), nextCursor }).meta({ id: 'ManagedCommunitiesPage' });
export type ManagedCommunitiesPage = z.infer<typeof ManagedCommunitiesPage>;

/** A member as their organizer sees them: display name, join date, points — never phone or real name. */
export const Member = z
  .strictObject({
    displayName: z.string(),
    joinedAt: instant,
    balance: z.number().int(),
    pointsEarned: z.number().int(),
    community: PlaceName.nullable(),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof Member>;

export const MembersPage = z.strictObject({ members: z.array(Member), nextCursor }).meta({ id: 'MembersPage' });
export type MembersPage = z.infer<typeof MembersPage>;

/** Tips submitted and validated per period in the organizer's communities: counts only. */
export const Activity = z
  .strictObject({
    period: z.enum(ACTIVITY_PERIODS),
    communityIds: z.array(z.number().int()),
    series: z.array(z.strictObject({ periodStart: calendarDay, submitted: z.number().int(), validated: z.number().int() })),
  })
  .meta({ id: 'Activity' });
export type Activity = z.infer<typeof Activity>;
