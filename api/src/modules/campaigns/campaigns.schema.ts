import { z } from 'zod';
import { dateTime, plainText, singleLine } from '@hy/schemas/fields';
import { campaignKindEnum } from '../../db/schema/campaigns';
import { CAMPAIGN_RULES } from './campaigns.rules';

export const CAMPAIGN_KINDS = campaignKindEnum.enumValues;
export const CAMPAIGN_STATUSES = ['upcoming', 'active', 'past'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

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

const statusList = z
  .string()
  .max(40)
  .transform((s, ctx) => {
    const parts = [...new Set(s.split(',').map((p) => p.trim()))];
    const bad = parts.filter((p) => !(CAMPAIGN_STATUSES as readonly string[]).includes(p));
    if (bad.length === 0 && parts.length > 0) return parts as CampaignStatus[];
    ctx.addIssue({ code: 'custom', message: `must be a comma-separated list of ${CAMPAIGN_STATUSES.join(', ')}` });
    return z.NEVER;
  });

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
