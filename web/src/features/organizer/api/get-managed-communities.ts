import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import type { ManagedCommunity } from './types';

export const getManagedCommunities = () =>
  apiRequest<{ communities: ManagedCommunity[] }>('/organizer/communities').then((body) => body.communities);

export function useManagedCommunities() {
  const { isSignedIn } = useSession();
  return useQuery({ queryKey: ['organizer', 'communities'], queryFn: getManagedCommunities, enabled: isSignedIn });
}
