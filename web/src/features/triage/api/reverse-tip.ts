import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { PoliceTip } from '../../../shared/types/tip';
import { policeTipQuery } from './get-police-tip';
import type { PoliceTipAnswer } from '@hy/schemas/triage';

/** Undoes the tip's decision (POST /api/tips/:id/reverse): the tip is submitted again, its points compensated. */
export async function reverseTip(id: string, reason: string): Promise<PoliceTip> {
  return (await apiRequest<PoliceTipAnswer>(`/tips/${encodeURIComponent(id)}/reverse`, { method: 'POST', json: { reason } })).tip;
}

export function useReverseTip(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => reverseTip(id, reason),
    onSuccess: (tip) => {
      queryClient.setQueryData(policeTipQuery(id).queryKey, tip);
      void queryClient.invalidateQueries({ queryKey: queryRoots.queue });
      // A reversed tip leaves its case.
      void queryClient.invalidateQueries({ queryKey: queryRoots.cases });
    },
  });
}
