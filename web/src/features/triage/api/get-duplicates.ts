import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { DuplicateSuggestion } from './types';

export async function getDuplicates(id: string): Promise<DuplicateSuggestion[]> {
  return (await apiRequest<{ suggestions: DuplicateSuggestion[] }>(`/tips/${encodeURIComponent(id)}/duplicates`)).suggestions;
}

export function useDuplicates(id: string) {
  return useQuery({ queryKey: ['tip-duplicates', id], queryFn: () => getDuplicates(id) });
}
