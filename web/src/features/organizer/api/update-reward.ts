import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { rewardsKey } from '../../points/api/get-rewards';
import { managedRewardsKey } from './get-managed-rewards';
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
      Promise.all([queryClient.invalidateQueries({ queryKey: managedRewardsKey }), queryClient.invalidateQueries({ queryKey: rewardsKey })]),
  });
}
