import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { TrackCredentials, TrackedTip } from '@hy/schemas/tracking';

/** Never sends the session token: tracking is the anonymous tipster's door, not an account's. */
export function trackTip(credentials: TrackCredentials): Promise<TrackedTip> {
  return apiRequest<TrackedTip>('/tips/track', { method: 'POST', json: credentials, auth: 'none' });
}

/**
 * A mutation, not a query: the code must not sit in a query cache key, and each check is a
 * deliberate action (it counts against the brute-force limit when wrong).
 */
export function useTrackTip() {
  return useMutation({ mutationFn: trackTip });
}
