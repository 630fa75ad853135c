import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export type Decision = 'fulfil' | 'reject';

export const decideRedemption = (id: string, decision: Decision) =>
  apiRequest<{ redemption: { id: string; status: string } }>(`/redemptions/${encodeURIComponent(id)}/${decision}`, { method: 'POST', json: {} });

export function useDecideRedemption() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: Decision }) => decideRedemption(id, decision),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['organizer'] }),
  });
}
