import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import { policeTipQuery } from './get-police-tip';
import type { PoliceTip } from '../../../shared/types/tip';
import type { PoliceTipAnswer } from '@hy/schemas/triage';

/** A supervisor hands the tip to an officer of its district (replacing any claim). */
export async function assignTip(id: string, officerId: string): Promise<PoliceTip> {
  return (await apiRequest<PoliceTipAnswer>(`/tips/${encodeURIComponent(id)}/assign`, { method: 'POST', json: { officerId } })).tip;
}

export function useAssignTip(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (officerId: string) => assignTip(id, officerId),
    onSuccess: (tip) => {
      queryClient.setQueryData(policeTipQuery(id).queryKey, tip);
      void queryClient.invalidateQueries({ queryKey: queryRoots.queue });
    },
  });
}
