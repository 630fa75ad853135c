import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { ManagedUser, ManagedUserAnswer } from '@hy/schemas/accounts';

export async function getUser(id: string): Promise<ManagedUser> {
  return (await apiRequest<ManagedUserAnswer>(`/admin/users/${encodeURIComponent(id)}`)).user;
}

export const userQuery = (id: string) => queryOptions({ queryKey: [...queryRoots.accounts, 'user', id], queryFn: () => getUser(id) });

export function useUser(id: string) {
  return useQuery(userQuery(id));
}
