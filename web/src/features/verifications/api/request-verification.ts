import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { PoliceVerification, PoliceVerificationAnswer, RequestVerification } from '@hy/schemas/verifications';
import type { z } from 'zod';

// communityId is coerced (z.input is unknown): typed as the number it becomes.
export type RequestVerificationInput = Omit<z.input<typeof RequestVerification>, 'communityId'> & Pick<RequestVerification, 'communityId'>;

/** Asks the community's auxiliary police officer to check the tip on site (POST /api/tips/:id/verification). */
export async function requestVerification(tipId: string, input: RequestVerificationInput): Promise<PoliceVerification> {
  return (
    await apiRequest<PoliceVerificationAnswer>(`/tips/${encodeURIComponent(tipId)}/verification`, { method: 'POST', json: input })
  ).verification;
}

export function useRequestVerification(tipId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RequestVerificationInput) => requestVerification(tipId, input),
    onSuccess: () => {
      // The tip's history and state, and its queue row, change with the task.
      void queryClient.invalidateQueries({ queryKey: queryRoots.verifications });
      void queryClient.invalidateQueries({ queryKey: queryRoots.policeTip });
      void queryClient.invalidateQueries({ queryKey: queryRoots.queue });
    },
  });
}
