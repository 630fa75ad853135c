import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { ManagedRewardAnswer, UpdateRewardInput } from '@hy/schemas/rewards';

/** Only the fields that changed: PATCH takes any non-empty subset. */
export type UpdateReward = UpdateRewardInput;

export const updateReward = (id: string, changes: UpdateReward) =>
  apiRequest<ManagedRewardAnswer>(`/rewards/${encodeURIComponent(id)}`, { method: 'PATCH', json: changes }).then((body) => body.reward);

export function useUpdateReward() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateReward }) => updateReward(id, changes),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryRoots.rewards }),
  });
}
