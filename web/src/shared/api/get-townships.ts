import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import { queryRoots } from '../query-keys';
import type { Township } from '../types/reference';

export async function getTownships(districtId: string): Promise<Township[]> {
  const body = await apiRequest<{ townships: Township[] }>(`/districts/${encodeURIComponent(districtId)}/townships`, { auth: 'none' });
  return body.townships;
}

/** The townships (乡镇/街道) of a district; reference data, fetched once per district. */
export const townshipsQuery = (districtId: string) =>
  queryOptions({
    queryKey: [...queryRoots.reference, 'townships', districtId],
    queryFn: () => getTownships(districtId),
    enabled: districtId !== '',
    staleTime: Infinity,
  });

export function useTownships(districtId: string) {
  return useQuery(townshipsQuery(districtId));
}
