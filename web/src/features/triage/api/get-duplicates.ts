import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { DuplicateSuggestion, DuplicateSuggestions } from '@hy/schemas/triage';

export async function getDuplicates(id: string): Promise<DuplicateSuggestion[]> {
  return (await apiRequest<DuplicateSuggestions>(`/tips/${encodeURIComponent(id)}/duplicates`)).suggestions;
}

export const duplicatesQuery = (id: string) =>
  queryOptions({ queryKey: [...queryRoots.policeTip, id, 'duplicates'], queryFn: () => getDuplicates(id) });

export function useDuplicates(id: string) {
  return useQuery(duplicatesQuery(id));
}
