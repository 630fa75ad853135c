import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import { policeTipQuery } from './get-police-tip';
import type { PoliceTip } from '../../../shared/types/tip';
import type { PoliceTipAnswer } from '@hy/schemas/triage';

/** Claims the tip (`claim`) or gives the claim back (`release`). */
export async function setTipClaim(id: string, action: 'claim' | 'release'): Promise<PoliceTip> {
  const path = `/tips/${encodeURIComponent(id)}/claim`;
  return (await apiRequest<PoliceTipAnswer>(path, { method: action === 'claim' ? 'POST' : 'DELETE' })).tip;
}

export function useTipClaim(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'claim' | 'release') => setTipClaim(id, action),
    onSuccess: (tip) => {
      queryClient.setQueryData(policeTipQuery(id).queryKey, tip);
      void queryClient.invalidateQueries({ queryKey: queryRoots.queue });
    },
  });
}
