import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export type Community = { id: number; districtId: number; nameZh: string; nameEn: string };

export async function getCommunities(districtId: string): Promise<Community[]> {
  const body = await apiRequest<{ communities: Community[] }>(
    `/districts/${encodeURIComponent(districtId)}/communities`,
    { auth: 'none' },
  );
  return body.communities;
}

export function useCommunities(districtId: string) {
  return useQuery({
    queryKey: ['reference', 'communities', districtId],
    queryFn: () => getCommunities(districtId),
    enabled: districtId !== '',
    staleTime: Infinity,
  });
}
