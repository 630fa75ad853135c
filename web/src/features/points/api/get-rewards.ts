import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { queryRoots } from '../../../shared/query-keys';
import type { Reward } from '@hy/schemas/rewards';

export const getRewards = () => apiRequest<{ rewards: Reward[] }>('/rewards').then((body) => body.rewards);

/** The rewards offered to the signed-in volunteer (organizers invalidate `queryRoots.rewards` when they change one). */
export const rewardsQuery = () => queryOptions({ queryKey: [...queryRoots.rewards, 'offered'], queryFn: getRewards });

export function useRewards() {
  const { isSignedIn } = useSession();
  return useQuery({ ...rewardsQuery(), enabled: isSignedIn });
}
