import { z } from 'zod';
import { instant, nextCursor, PlaceName } from './answers';
import { CAMPAIGN_KINDS, CAMPAIGN_RULES, CAMPAIGN_STATUSES, type CampaignStatus } from './campaign-rules';
import { dateTime, plainText, singleLine } from './fields';

/** Campaigns and patrols (api/src/modules/campaigns): what the routes take and what they answer. */

export type { CampaignKind, CampaignStatus } from './campaign-rules';

const int = (message: string) => z.coerce.number({ message }).int(message);
const communityId = int('must be a community id').positive('must be a community id').max(2_147_483_647);
const districtId = int('must be a district id').min(1, 'must be a district id').max(32767, 'must be a district id');
const lat = z.number({ message: 'must be a latitude in degrees' }).min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90');
const lng = z.number({ message: 'must be a longitude in degrees' }).min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180');

export const CreateCampaign = z
  .strictObject({
    title: singleLine({ min: 2, max: 120 }),
    kind: z.enum(CAMPAIGN_KINDS, { message: `must be one of ${CAMPAIGN_KINDS.join(', ')}` }),
    description: plainText({ min: 0, max: 4000 }).default(''),
    startsAt: dateTime(),
    endsAt: dateTime(),
    lat,
    lng,
    radiusM: z
      .number({ message: 'must be a number of metres' })
      .int('must be a whole number of metres')
      .min(CAMPAIGN_RULES.minRadiusM, `must be at least ${CAMPAIGN_RULES.minRadiusM} m`)
      .max(CAMPAIGN_RULES.maxRadiusM, `must be at most ${CAMPAIGN_RULES.maxRadiusM} m`),
    address: singleLine({ min: 2, max: 200 }),
    /** The community it is for; without it the campaign is open to the whole district. */
    communityId: z.number({ message: 'must be a community id' }).int('must be a community id').positive('must be a community id').max(2_147_483_647).optional(),
    /** Admins only, for a district-wide campaign (others post in their own district). */
    districtId: z.number({ message: 'must be a district id' }).int('must be a district id').min(1).max(32767).optional(),
    capacity: z.number({ message: 'must be a number of places' }).int('must be a whole number').min(1, 'must be at least 1').max(100_000, 'must be at most 100000').nullable().optional(),
    points: z
      .number({ message: 'must be a number of points' })
      .int('must be a whole number')
      .min(0, 'must be at least 0')
      .max(CAMPAIGN_RULES.maxPoints, `must be at most ${CAMPAIGN_RULES.maxPoints}`),
  })
  .superRefine((c, ctx) => {
    if (c.endsAt.getTime() <= c.startsAt.getTime()) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
    else if (c.endsAt.getTime() - c.startsAt.getTime() > CAMPAIGN_RULES.maxDurationMs)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: `must be at most ${CAMPAIGN_RULES.maxDurationMs / 86_400_000} days after startsAt` });
  });
export type CreateCampaign = z.infer<typeof CreateCampaign>;
/** The body as a client sends it (dates as text). */
export type CreateCampaignInput = z.input<typeof CreateCampaign>;

const statusList = z
  .string()
  .max(40)
  .transform((s, ctx) => {
    const parts = [...new Set(s.split(',').map((p) => p.trim()))];
    const bad = parts.filter((p) => !(CAMPAIGN_STATUSES as readonly string[]).includes(p));
    if (bad.length === 0 && parts.length > 0) return parts as CampaignStatus[];
    ctx.addIssue({ code: 'custom', message: `must be a comma-separated list of ${CAMPAIGN_STATUSES.join(', ')}` });
    return z.NEVER;
  })
  .meta({ description: `A comma-separated list of ${CAMPAIGN_STATUSES.join(', ')}` });

export const CampaignsQuery = z.strictObject({
  status: statusList.default(['active', 'upcoming']),
  communityId: communityId.optional(),
  districtId: districtId.optional(),
  /** Only the campaigns the caller joined. */
  mine: z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true').optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(100).default(20),
});
export type CampaignsQuery = z.infer<typeof CampaignsQuery>;

/** A position fix from the phone: WGS-84 degrees and the accuracy radius it reports (metres, 68 %). */
export const PositionFix = z.strictObject({
  lat,
  lng,
  accuracyM: z.number({ message: 'must be the reported accuracy in metres' }).min(0, 'must not be negative').max(100_000, 'must be at most 100000'),
});
export type PositionFix = z.infer<typeof PositionFix>;

export const AttendanceQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(500).default(200),
});
export type AttendanceQuery = z.infer<typeof AttendanceQuery>;

/** Answers. */

/** What a volunteer did in a campaign: minutes so far while on site, points once checked out. */
export const Participation = z
  .strictObject({
    joinedAt: instant,
    checkedInAt: instant.nullable(),
    checkedOutAt: instant.nullable(),
    minutes: z.number().int(),
    pointsAwarded: z.number().int(),
  })
  .meta({ id: 'CampaignParticipation' });
export type Participation = z.infer<typeof Participation>;

/** A campaign as any signed-in user sees it; positions of volunteers are never part of it. */
export const Campaign = z
  .strictObject({
    id: z.uuid(),
    title: z.string(),
    kind: z.enum(CAMPAIGN_KINDS),
    description: z.string(),
    status: z.enum(CAMPAIGN_STATUSES),
    startsAt: instant,
    endsAt: instant,
    checkInOpensAt: instant,
    place: z.strictObject({ lat: z.number(), lng: z.number(), radiusM: z.number().int(), address: z.string() }),
    district: PlaceName,
    community: PlaceName.nullable(),
    capacity: z.number().int().nullable(),
    joinedCount: z.number().int(),
    isFull: z.boolean(),
    points: z.number().int(),
    minMinutesForPoints: z.number().int(),
    createdBy: z.strictObject({ displayName: z.string() }),
    createdAt: instant,
    hasJoined: z.boolean(),
    hasCheckedIn: z.boolean(),
    hasCheckedOut: z.boolean(),
    /** The caller's own participation, null when they have not joined. */
    mine: Participation.nullable(),
  })
  .meta({ id: 'Campaign' });
export type Campaign = z.infer<typeof Campaign>;

export const CampaignAnswer = z.strictObject({ campaign: Campaign }).meta({ id: 'CampaignAnswer' });
export type CampaignAnswer = z.infer<typeof CampaignAnswer>;

export const CampaignsPage = z.strictObject({ campaigns: z.array(Campaign), nextCursor }).meta({ id: 'CampaignsPage' });
export type CampaignsPage = z.infer<typeof CampaignsPage>;

/** One line of the attendance sheet: who, and what they did; never their phone or positions. */
export const AttendanceLine = Participation.extend({
  volunteer: z.strictObject({ id: z.uuid(), displayName: z.string() }),
  community: PlaceName.nullable(),
  checkInDistanceM: z.number().int().nullable(),
}).meta({ id: 'AttendanceLine' });
export type AttendanceLine = z.infer<typeof AttendanceLine>;

export const Attendance = z
  .strictObject({
    campaign: Campaign,
    totals: z.strictObject({ joined: z.number().int(), checkedIn: z.number().int(), checkedOut: z.number().int(), pointsAwarded: z.number().int() }),
    attendance: z.array(AttendanceLine),
    nextCursor,
  })
  .meta({ id: 'Attendance' });
export type Attendance = z.infer<typeof Attendance>;

/** POST …/check-in: the participation, and how far from the meeting place the fix was (metres). */
export const CheckedIn = z
  .strictObject({ attendance: Participation, distanceM: z.number().int().nullable() })
  .meta({ id: 'CheckedIn' });
export type CheckedIn = z.infer<typeof CheckedIn>;

/** POST …/check-out: minutes attended and the points actually credited (after the daily cap). */
export const CheckedOut = z
  .strictObject({ minutes: z.number().int(), pointsAwarded: z.number().int(), attendance: Participation })
  .meta({ id: 'CheckedOut' });
export type CheckedOut = z.infer<typeof CheckedOut>;
