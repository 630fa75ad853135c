import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import { policeTipQuery } from './get-police-tip';
import type { PoliceTip } from '../../../shared/types/tip';
import type { ClaimedNext } from '@hy/schemas/triage';

/** Police always claim in their own district; an admin may name one (the queue's district filter). */
export async function claimNext(districtId?: number): Promise<PoliceTip | null> {
  const json = districtId === undefined ? {} : { districtId };
  return (await apiRequest<ClaimedNext>('/queue/claim', { method: 'POST', json })).tip;
}

export function useClaimNext() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (districtId?: number) => claimNext(districtId),
    onSuccess: (tip) => {
      if (tip) queryClient.setQueryData(policeTipQuery(tip.id).queryKey, tip);
      void queryClient.invalidateQueries({ queryKey: queryRoots.queue });
    },
  });
}
