/**
 * The roles of an account (the database enum `role`, api/src/db/schema/users.ts, is made from this
 * list) and what an account of each role is bound to.
 */
export const ROLES = ['volunteer', 'officer', 'supervisor', 'organizer', 'admin', 'auxiliary'] as const;
export type Role = (typeof ROLES)[number];

/** Every role but volunteer: volunteers register themselves. */
export const STAFF_ROLES = ['officer', 'supervisor', 'organizer', 'auxiliary', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What an account of a role is bound to (api accounts.policy PLACEMENT). */
export const PLACEMENTS = ['district', 'community', 'district-or-community', 'city'] as const;
export type Placement = (typeof PLACEMENTS)[number];
