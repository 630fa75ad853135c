import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { queryRoots } from '../../../shared/query-keys';
import type { ManagedCommunity } from './types';

export const getManagedCommunities = () =>
  apiRequest<{ communities: ManagedCommunity[] }>('/organizer/communities').then((body) => body.communities);

export const managedCommunitiesQuery = () =>
  queryOptions({ queryKey: [...queryRoots.organizer, 'communities'], queryFn: getManagedCommunities });

export function useManagedCommunities() {
  const { isSignedIn } = useSession();
  return useQuery({ ...managedCommunitiesQuery(), enabled: isSignedIn });
}
