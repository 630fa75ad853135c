import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import { queryRoots } from '../query-keys';
import type { Community } from '../types/reference';

export type CommunitySearch = { districtId?: string; townshipId?: string; q: string };

export type CommunityPage = { communities: Community[]; nextCursor: string | null };

export const SEARCH_LIMIT = 20;

export function searchCommunities({ districtId, townshipId, q }: CommunitySearch, signal?: AbortSignal): Promise<CommunityPage> {
  const params = new URLSearchParams({ limit: String(SEARCH_LIMIT) });
  if (districtId) params.set('districtId', districtId);
  if (townshipId) params.set('townshipId', townshipId);
  if (q.trim()) params.set('q', q.trim());
  return apiRequest<CommunityPage>(`/communities?${params.toString()}`, { auth: 'none', signal });
}

/** Best matches by Chinese name, pinyin or initials (the server ranks them); the previous list stays while typing. */
export const communitySearchQuery = (search: CommunitySearch) =>
  queryOptions({
    queryKey: [...queryRoots.reference, 'communities', search.districtId ?? '', search.townshipId ?? '', search.q.trim()],
    queryFn: ({ signal }) => searchCommunities(search, signal),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });

export function useCommunitySearch(search: CommunitySearch, isEnabled: boolean) {
  return useQuery({ ...communitySearchQuery(search), enabled: isEnabled });
}
