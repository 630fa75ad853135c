import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { ManagedReward, RewardFields } from './types';

/** Only the fields that changed: PATCH takes any non-empty subset. */
export type UpdateReward = Partial<RewardFields>;

export const updateReward = (id: string, changes: UpdateReward) =>
  apiRequest<{ reward: ManagedReward }>(`/rewards/${encodeURIComponent(id)}`, { method: 'PATCH', json: changes }).then((body) => body.reward);

export function useUpdateReward() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateReward }) => updateReward(id, changes),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryRoots.rewards }),
  });
}
