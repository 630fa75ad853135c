import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { RevealList } from '@hy/schemas/identity';

export type { RevealList };

export function getReveals(tipId: string): Promise<RevealList> {
  return apiRequest<RevealList>(`/tips/${encodeURIComponent(tipId)}/reveals`);
}

export const revealsQuery = (tipId: string) =>
  queryOptions({ queryKey: [...queryRoots.messages, 'reveals', tipId], queryFn: () => getReveals(tipId) });

/** Earlier reveals of a tip (supervisors only). */
export function useReveals(tipId: string, enabled = true) {
  return useQuery({ ...revealsQuery(tipId), enabled });
}
