import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { policeTipKey } from './get-police-tip';
import { queueKey } from './get-queue';
import type { PoliceTip } from './types';

/** Claims the tip (`claim`) or gives the claim back (`release`). */
export async function setTipClaim(id: string, action: 'claim' | 'release'): Promise<PoliceTip> {
  const path = `/tips/${encodeURIComponent(id)}/claim`;
  return (await apiRequest<{ tip: PoliceTip }>(path, { method: action === 'claim' ? 'POST' : 'DELETE' })).tip;
}

export function useTipClaim(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'claim' | 'release') => setTipClaim(id, action),
    onSuccess: (tip) => {
      queryClient.setQueryData(policeTipKey(id), tip);
      void queryClient.invalidateQueries({ queryKey: queueKey });
    },
  });
}
