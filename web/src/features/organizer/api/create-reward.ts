import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { rewardsKey } from '../../points/api/get-rewards';
import { managedRewardsKey } from './get-managed-rewards';
import type { ManagedReward, RewardFields } from './types';

export type CreateReward = RewardFields & { communityId?: number };

export const createReward = (input: CreateReward) =>
  apiRequest<{ reward: ManagedReward }>('/rewards', { method: 'POST', json: input }).then((body) => body.reward);

export function useCreateReward() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReward,
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: managedRewardsKey }), queryClient.invalidateQueries({ queryKey: rewardsKey })]),
  });
}
