import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { policeTipKey } from './get-police-tip';
import { queueKey } from './get-queue';
import type { PoliceTip } from './types';

/** A supervisor hands the tip to an officer of its district (replacing any claim). */
export async function assignTip(id: string, officerId: string): Promise<PoliceTip> {
  return (await apiRequest<{ tip: PoliceTip }>(`/tips/${encodeURIComponent(id)}/assign`, { method: 'POST', json: { officerId } })).tip;
}

export function useAssignTip(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (officerId: string) => assignTip(id, officerId),
    onSuccess: (tip) => {
      queryClient.setQueryData(policeTipKey(id), tip);
      void queryClient.invalidateQueries({ queryKey: queueKey });
    },
  });
}
