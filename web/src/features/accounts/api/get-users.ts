import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { ManagedUserPage as UsersPage, UserListQuery } from '@hy/schemas/accounts';

export type { UsersPage };

/** The list's filters as the page holds them: UserListQuery's parsed values (z.input of its coerced fields is unknown), sent as text. */
export type UserFilters = Partial<Pick<UserListQuery, 'role' | 'districtId' | 'q' | 'disabled'>>;

export async function getUsers(filters: UserFilters, cursor: string | null): Promise<UsersPage> {
  const params = new URLSearchParams({ limit: '25' });
  if (filters.role) params.set('role', filters.role);
  if (filters.districtId !== undefined) params.set('districtId', String(filters.districtId));
  if (filters.q) params.set('q', filters.q);
  if (filters.disabled !== undefined) params.set('disabled', String(filters.disabled));
  if (cursor) params.set('cursor', cursor);
  return apiRequest<UsersPage>(`/admin/users?${params.toString()}`);
}

/** Every list of accounts, to refresh after a change. */
export const userListsKey = [...queryRoots.accounts, 'list'] as const;

export const usersQuery = (filters: UserFilters) =>
  infiniteQueryOptions({
    queryKey: [...userListsKey, filters],
    queryFn: ({ pageParam }) => getUsers(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export function useUsers(filters: UserFilters) {
  return useInfiniteQuery(usersQuery(filters));
}
