/**
 * The campaign rules in one place (docs/campaigns.md explains each), without zod: the server's
 * schemas and checks, the database enum and the web's forms read them. Times in milliseconds,
 * distances in metres.
 */

/** The kinds of campaign (the database enum campaign_kind is made from this list). */
export const CAMPAIGN_KINDS = ['patrol', 'publicity', 'other'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

/** Where a campaign stands at a given time (computed from its start and end, not stored). */
export const CAMPAIGN_STATUSES = ['upcoming', 'active', 'past'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_RULES = {
  maxPoints: 50,
  minRadiusM: 50,
  maxRadiusM: 5000,
  /** A campaign lasts at most this long (a standing patrol is posted week by week). */
  maxDurationMs: 31 * 86_400_000,
  /** Check-in opens this long before the start. */
  checkInOpensBeforeMs: 15 * 60_000,
  /** The reported accuracy widens the radius by at most this much. */
  maxAccuracySlackM: 100,
  /** A fix less accurate than this is refused outright (POOR_ACCURACY). */
  maxAccuracyM: 200,
  /** Points are due once at least this many minutes were attended. */
  minMinutesForPoints: 30,
  /**
   * Plausible movement between two position fixes of one volunteer: at most `maxSpeedKmh`
   * (a car on the expressway; a high-speed train between campaigns is not a Hengyang patrol)
   * plus `movementSlackM` for two fixes' GPS error.
   */
  maxSpeedKmh: 150,
  movementSlackM: 2000,
} as const;
