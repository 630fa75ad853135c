import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { ManagedReward, RewardFields } from './types';

export type CreateReward = RewardFields & { communityId?: number };

export const createReward = (input: CreateReward) =>
  apiRequest<{ reward: ManagedReward }>('/rewards', { method: 'POST', json: input }).then((body) => body.reward);

export function useCreateReward() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReward,
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryRoots.rewards }),
  });
}
