import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import { queryRoots } from '../query-keys';
import type { Community } from '../types/reference';

export async function getCommunities(districtId: string): Promise<Community[]> {
  const body = await apiRequest<{ communities: Community[] }>(
    `/districts/${encodeURIComponent(districtId)}/communities`,
    { auth: 'none' },
  );
  return body.communities;
}

export const communitiesQuery = (districtId: string) =>
  queryOptions({
    queryKey: [...queryRoots.reference, 'communities', districtId],
    queryFn: () => getCommunities(districtId),
    enabled: districtId !== '',
    staleTime: Infinity,
  });

export function useCommunities(districtId: string) {
  return useQuery(communitiesQuery(districtId));
}
