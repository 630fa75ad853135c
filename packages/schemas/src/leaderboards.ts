import { z } from 'zod';
import { calendarDay, instant, PlaceName } from './answers';
import { PERIODS } from './points-rules';

/** Leaderboards (api/src/modules/leaderboards): volunteers and communities ranked by points. */

const id = (what: string) => z.coerce.number({ message: `must be a ${what} id` }).int(`must be a ${what} id`).positive(`must be a ${what} id`).max(2_147_483_647);

export const Period = z.enum(PERIODS, { message: 'must be week, month or all' });
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

/** Answers. */

const rank = z.number().int().meta({ description: 'Competition ranking: equal points share a rank, the next rank skips (1, 1, 3).' });
const periodStart = calendarDay.meta({ description: 'First day of the period (Asia/Shanghai); 1970-01-01 for all time.' });
const computedAt = instant.meta({ description: 'When `entries` were computed: they may be up to 5 s old; `me` is always current.' });

/** A volunteer on a board: display name and points only (never phone, real name or user id). */
export const VolunteerEntry = z
  .strictObject({ rank, displayName: z.string(), points: z.number().int(), community: PlaceName.nullable(), isMe: z.boolean() })
  .meta({ id: 'VolunteerBoardEntry' });
export type VolunteerEntry = z.infer<typeof VolunteerEntry>;

export const VolunteerBoard = z
  .strictObject({
    period: Period,
    periodStart,
    districtId: z.number().int().nullable(),
    communityId: z.number().int().nullable(),
    computedAt,
    entries: z.array(VolunteerEntry),
    /** The caller's own standing (volunteers in the board's scope), null otherwise. */
    me: z.strictObject({ rank, points: z.number().int(), periodStart }).nullable(),
  })
  .meta({ id: 'VolunteerBoard' });
export type VolunteerBoard = z.infer<typeof VolunteerBoard>;

export const CommunityEntry = z
  .strictObject({
    rank,
    community: PlaceName.extend({ districtId: z.number().int() }),
    points: z.number().int(),
    memberCount: z.number().int(),
    /** Points per registered member, to two decimals; null without members. */
    pointsPerMember: z.number().nullable(),
    isMine: z.boolean(),
  })
  .meta({ id: 'CommunityBoardEntry' });
export type CommunityEntry = z.infer<typeof CommunityEntry>;

export const CommunityBoard = z
  .strictObject({
    period: Period,
    periodStart,
    districtId: z.number().int().nullable(),
    perCapita: z.boolean(),
    computedAt,
    entries: z.array(CommunityEntry),
    /** The caller's community, when it has points in the period. */
    me: z.strictObject({ rank, points: z.number().int(), communityId: z.number().int() }).nullable(),
  })
  .meta({ id: 'CommunityBoard' });
export type CommunityBoard = z.infer<typeof CommunityBoard>;
