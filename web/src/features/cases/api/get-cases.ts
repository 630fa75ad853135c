import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQueries } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { CaseStatus } from '../../../shared/types/case';
import type { CasePage, CasesQuery } from '@hy/schemas/cases';

export type CasesPage = CasePage;
/** CasesQuery's parsed values (z.input of its coerced districtId and limit is unknown), sent as text. */
export type CasesFilters = Partial<Pick<CasesQuery, 'status' | 'districtId' | 'q' | 'limit'>>;

export async function getCases(filters: CasesFilters, cursor: string | null): Promise<CasesPage> {
  const params = new URLSearchParams({ limit: String(filters.limit ?? 25) });
  if (filters.status) params.set('status', filters.status);
  if (filters.districtId !== undefined) params.set('districtId', String(filters.districtId));
  if (filters.q) params.set('q', filters.q);
  if (cursor) params.set('cursor', cursor);
  return apiRequest<CasesPage>(`/cases?${params.toString()}`);
}

/** Every list of cases (the cases page and the pickers), to refresh after a change. */
export const caseListsKey = [...queryRoots.cases, 'list'] as const;

export const casesQuery = (status: CaseStatus | undefined) =>
  infiniteQueryOptions({
    queryKey: [...caseListsKey, status ?? 'all'],
    queryFn: ({ pageParam }) => getCases({ status }, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export function useCases(status: CaseStatus | undefined) {
  return useInfiniteQuery(casesQuery(status));
}

export const linkableCasesQuery = ({ districtId, status, q }: { districtId: number; status: CaseStatus; q: string }) =>
  queryOptions({
    queryKey: [...caseListsKey, 'linkable', districtId, status, q],
    queryFn: () => getCases({ status, districtId, q: q || undefined, limit: 20 }, null),
  });

/** Only open and investigating cases take new tips (the API refuses solved and closed ones). */
const LINKABLE: CaseStatus[] = ['open', 'investigating'];

/** Cases of a district a tip can join, most recently active first, optionally matching a title or reference. */
export function useLinkableCases({ districtId, q }: { districtId: number; q: string }) {
  return useQueries({
    queries: LINKABLE.map((status) => linkableCasesQuery({ districtId, status, q })),
    combine: (results) => ({
      cases: results
        .flatMap((r) => r.data?.cases ?? [])
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
      refetch: () => results.forEach((r) => void r.refetch()),
    }),
  });
}
