import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import { useSession } from '../../lib/session';
import { queryRoots } from '../query-keys';
import type { User } from '../types/user';

export async function getMe(): Promise<User> {
  const body = await apiRequest<{ user: User }>('/me');
  return body.user;
}

export const meQuery = () => queryOptions({ queryKey: [...queryRoots.me], queryFn: getMe });

/** The signed-in user; every feature may read it (sign-in and registration write it). */
export function useMe() {
  const { isSignedIn } = useSession();
  return useQuery({ ...meQuery(), enabled: isSignedIn });
}
