import { useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { CaseStatus, CaseSummary } from './types';

export type CasesPage = { cases: CaseSummary[]; nextCursor: string | null };

export async function getCases(status: CaseStatus | undefined, cursor: string | null): Promise<CasesPage> {
  const params = new URLSearchParams({ limit: '25' });
  if (status) params.set('status', status);
  if (cursor) params.set('cursor', cursor);
  return apiRequest<CasesPage>(`/cases?${params.toString()}`);
}

export const casesKey = ['cases'] as const;

export function useCases(status: CaseStatus | undefined) {
  return useInfiniteQuery({
    queryKey: [...casesKey, 'list', status ?? 'all'],
    queryFn: ({ pageParam }) => getCases(status, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
