import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import type { User } from './types';

export async function getMe(): Promise<User> {
  const body = await apiRequest<{ user: User }>('/me');
  return body.user;
}

export function useMe() {
  const { isSignedIn } = useSession();
  return useQuery({ queryKey: ['me'], queryFn: getMe, enabled: isSignedIn });
}
