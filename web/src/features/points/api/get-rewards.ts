import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import type { Reward } from './types';

export const getRewards = () => apiRequest<{ rewards: Reward[] }>('/rewards').then((body) => body.rewards);

export const rewardsKey = ['points', 'rewards'] as const;

export function useRewards() {
  const { isSignedIn } = useSession();
  return useQuery({ queryKey: rewardsKey, queryFn: getRewards, enabled: isSignedIn });
}
