import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { Overview, OverviewQuery } from '@hy/schemas/stats';

/** The period and scope asked for (GET /api/stats/overview's query). */
export type OverviewParams = Required<Pick<OverviewQuery, 'from' | 'to'>> & Pick<OverviewQuery, 'districtId'>;

export const getOverview = (p: OverviewParams) =>
  apiRequest<Overview>(`/stats/overview?from=${p.from}&to=${p.to}${p.districtId === undefined ? '' : `&districtId=${p.districtId}`}`);

/** The last figures stay on screen while the next period loads (no jump, no empty cards). */
export const overviewQuery = (p: OverviewParams) =>
  queryOptions({
    queryKey: [...queryRoots.stats, 'overview', p.from, p.to, p.districtId ?? 'city'],
    queryFn: () => getOverview(p),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

export const useOverview = (p: OverviewParams) => useQuery(overviewQuery(p));
