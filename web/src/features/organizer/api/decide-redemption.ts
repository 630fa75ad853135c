import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { RedemptionAnswer } from '@hy/schemas/rewards';

export type Decision = 'fulfil' | 'reject';

export const decideRedemption = (id: string, decision: Decision) =>
  apiRequest<RedemptionAnswer>(`/redemptions/${encodeURIComponent(id)}/${decision}`, { method: 'POST', json: {} });

export function useDecideRedemption() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: Decision }) => decideRedemption(id, decision),
    // Balances, pending counts and the reward's stock all move.
    onSettled: () =>
      Promise.all([queryRoots.organizer, queryRoots.rewards].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
