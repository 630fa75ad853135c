/**
 * The first element of every query key, one per API resource. Each endpoint file builds its keys
 * from these inside its `queryOptions()` factory; a mutation of one feature that changes another's
 * data invalidates by root (`queryRoots.queue`) without importing that feature.
 *
 * Nothing here decides what is forgotten at sign-out: the whole cache is (lib/session-reset.ts).
 */
export const queryRoots = {
  me: ['me'],
  reference: ['reference'],
  /** A reporter's own tips: My tips and their detail. */
  tips: ['tips'],
  tipMedia: ['tip-media'],
  /** The police side: one tip as police see it, its duplicates and its reporter's record. */
  policeTip: ['police-tip'],
  queue: ['queue'],
  officers: ['officers'],
  cases: ['cases'],
  messages: ['messages'],
  points: ['points'],
  rewards: ['rewards'],
  leaderboard: ['leaderboard'],
  organizer: ['organizer'],
  /** The admin area's accounts (GET /api/admin/users…). */
  accounts: ['accounts'],
  /** The audit log viewer (admins, supervisors). */
  audit: ['audit'],
  campaigns: ['campaigns'],
  /** The police tip map (GET /api/map/tips). */
  tipMap: ['tip-map'],
  /** On-site checks: a tip's (police) and the auxiliary's tasks. */
  verifications: ['verifications'],
  /** Statistics: the police overview and the public figures. */
  stats: ['stats'],
} as const satisfies Record<string, readonly [string]>;
