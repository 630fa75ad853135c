/**
 * Deterministic ids of the scale seed's users (scripts/seed/scale.ts), so benchmarks can name
 * "volunteer n" without a lookup. The SQL in scale.ts builds the same strings.
 */
const hex12 = (n: number) => n.toString(16).padStart(12, '0');
export const volunteerId = (n: number) => `5ca1e000-0000-4000-8000-${hex12(n)}`;
export const policeId = (n: number) => `5ca1e000-0000-4000-9000-${hex12(n)}`;
export const organizerId = (communityId: number) => `5ca1e000-0000-4000-a000-${hex12(communityId)}`;

/** Every seeded volunteer, officer and organizer signs in with this password. */
export const SCALE_PASSWORD = 'scale-pass-2026';
