import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { policeTipKey } from './get-police-tip';
import { queueKey } from './get-queue';
import type { PoliceTip } from './types';

/** Police always claim in their own district; an admin may name one (the queue's district filter). */
export async function claimNext(districtId?: number): Promise<PoliceTip | null> {
  const json = districtId === undefined ? {} : { districtId };
  return (await apiRequest<{ tip: PoliceTip | null }>('/queue/claim', { method: 'POST', json })).tip;
}

export function useClaimNext() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (districtId?: number) => claimNext(districtId),
    onSuccess: (tip) => {
      if (tip) queryClient.setQueryData(policeTipKey(tip.id), tip);
      void queryClient.invalidateQueries({ queryKey: queueKey });
    },
  });
}
