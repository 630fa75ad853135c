import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { queryRoots } from '../../../shared/query-keys';
import type { ManagedReward } from '@hy/schemas/rewards';

/** As an organizer, GET /api/rewards answers with what they manage: their communities' rewards and the city-wide ones. */
export const getManagedRewards = () => apiRequest<{ rewards: ManagedReward[] }>('/rewards').then((body) => body.rewards);

export const managedRewardsQuery = () => queryOptions({ queryKey: [...queryRoots.rewards, 'managed'], queryFn: getManagedRewards });

export function useManagedRewards() {
  const { isSignedIn } = useSession();
  return useQuery({ ...managedRewardsQuery(), enabled: isSignedIn });
}
