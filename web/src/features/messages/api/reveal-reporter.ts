import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { revealsQuery } from './get-reveals';
import type { RevealAnswer, RevealedIdentity } from '@hy/schemas/identity';

export type { RevealedIdentity };

export function revealReporter(tipId: string, reason: string) {
  return apiRequest<RevealAnswer>(`/tips/${encodeURIComponent(tipId)}/reveal`, {
    method: 'POST',
    json: { reason },
  });
}

/** The identity is returned once and kept only in this mutation's state, never in a cache. */
export function useRevealReporter(tipId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => revealReporter(tipId, reason),
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: revealsQuery(tipId).queryKey }),
  });
}
