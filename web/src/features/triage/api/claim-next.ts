import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { policeTipKey } from './get-police-tip';
import { queueKey } from './get-queue';
import type { PoliceTip } from './types';

export async function claimNext(): Promise<PoliceTip | null> {
  return (await apiRequest<{ tip: PoliceTip | null }>('/queue/claim', { method: 'POST', json: {} })).tip;
}

export function useClaimNext() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: claimNext,
    onSuccess: (tip) => {
      if (tip) queryClient.setQueryData(policeTipKey(tip.id), tip);
      void queryClient.invalidateQueries({ queryKey: queueKey });
    },
  });
}
