import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import { policeTipQuery } from './get-police-tip';
import type { PoliceTip } from '../../../shared/types/tip';
import type { PoliceTipAnswer, TriageInput } from '@hy/schemas/triage';
import type { z } from 'zod';

export type DecisionInput = z.input<typeof TriageInput>;

export async function decideTip(id: string, input: DecisionInput): Promise<PoliceTip> {
  return (await apiRequest<PoliceTipAnswer>(`/tips/${encodeURIComponent(id)}/triage`, { method: 'POST', json: input })).tip;
}

export function useDecideTip(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DecisionInput) => decideTip(id, input),
    onSuccess: (tip) => {
      queryClient.setQueryData(policeTipQuery(id).queryKey, tip);
      void queryClient.invalidateQueries({ queryKey: queryRoots.queue });
    },
  });
}
