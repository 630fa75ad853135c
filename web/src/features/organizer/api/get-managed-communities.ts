import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { queryRoots } from '../../../shared/query-keys';
import type { ManagedCommunity } from '@hy/schemas/organizer';

/**
 * The first page of the communities the caller organises (one for a community organizer, a
 * district's several hundred or the city's 2,760 for others: those pick one with the search),
 * or just the one asked for.
 */
export const getManagedCommunities = (communityId?: number) =>
  apiRequest<{ communities: ManagedCommunity[]; nextCursor: string | null }>(
    communityId === undefined ? '/organizer/communities' : `/organizer/communities?communityId=${communityId}`,
  ).then((body) => body.communities);

export const managedCommunitiesQuery = (communityId?: number) =>
  queryOptions({
    queryKey: [...queryRoots.organizer, 'communities', communityId ?? 'first-page'],
    queryFn: () => getManagedCommunities(communityId),
  });

export function useManagedCommunities(communityId?: number) {
  const { isSignedIn } = useSession();
  return useQuery({ ...managedCommunitiesQuery(communityId), enabled: isSignedIn });
}
