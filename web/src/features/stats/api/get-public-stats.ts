import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { PublicFigures } from '@hy/schemas/stats';

export const getPublicStats = (months: number) => apiRequest<PublicFigures>(`/stats/public?months=${months}`, { auth: 'none' });

export const publicStatsQuery = (months: number) =>
  queryOptions({
    queryKey: [...queryRoots.stats, 'public', months],
    queryFn: () => getPublicStats(months),
    placeholderData: keepPreviousData,
    staleTime: 300_000,
  });

export const usePublicStats = (months: number) => useQuery(publicStatsQuery(months));
