import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { PoliceTip } from '../../../shared/types/tip';
import type { PoliceTipAnswer, TransferInput as Transfer } from '@hy/schemas/triage';
import type { z } from 'zod';
import { policeTipQuery } from './get-police-tip';

// districtId is coerced (z.input is unknown): typed as the number it becomes.
export type TransferInput = Omit<z.input<typeof Transfer>, 'districtId'> & Pick<Transfer, 'districtId'>;

/** Sends an undecided tip to another district's queue (POST /api/tips/:id/transfer). */
export async function transferTip(id: string, input: TransferInput): Promise<PoliceTip> {
  return (await apiRequest<PoliceTipAnswer>(`/tips/${encodeURIComponent(id)}/transfer`, { method: 'POST', json: input })).tip;
}

export function useTransferTip(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TransferInput) => transferTip(id, input),
    onSuccess: (tip) => {
      queryClient.setQueryData(policeTipQuery(id).queryKey, tip);
      void queryClient.invalidateQueries({ queryKey: queryRoots.queue });
    },
  });
}
