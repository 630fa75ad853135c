import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import type { ManagedReward } from './types';

export const managedRewardsKey = ['organizer', 'rewards'] as const;

/** As an organizer, GET /api/rewards answers with what they manage: their communities' rewards and the city-wide ones. */
export const getManagedRewards = () => apiRequest<{ rewards: ManagedReward[] }>('/rewards').then((body) => body.rewards);

export function useManagedRewards() {
  const { isSignedIn } = useSession();
  return useQuery({ queryKey: managedRewardsKey, queryFn: getManagedRewards, enabled: isSignedIn });
}
