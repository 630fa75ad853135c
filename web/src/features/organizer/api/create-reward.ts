import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { CreateRewardInput, ManagedRewardAnswer } from '@hy/schemas/rewards';

export type CreateReward = CreateRewardInput;

export const createReward = (input: CreateReward) =>
  apiRequest<ManagedRewardAnswer>('/rewards', { method: 'POST', json: input }).then((body) => body.reward);

export function useCreateReward() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReward,
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryRoots.rewards }),
  });
}
