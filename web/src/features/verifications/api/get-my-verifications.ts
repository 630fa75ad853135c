import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { VerificationTask } from '@hy/schemas/verifications';

export type TaskStatus = 'open' | 'reported';
type Page = { verifications: VerificationTask[]; nextCursor: string | null };

export async function getMyVerifications(status: TaskStatus, cursor: string | null): Promise<Page> {
  const params = new URLSearchParams({ status, limit: '20' });
  if (cursor) params.set('cursor', cursor);
  return apiRequest<Page>(`/verifications/mine?${params.toString()}`);
}

export const myVerificationsQuery = (status: TaskStatus) =>
  infiniteQueryOptions({
    queryKey: [...queryRoots.verifications, 'mine', status],
    queryFn: ({ pageParam }) => getMyVerifications(status, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export function useMyVerifications(status: TaskStatus) {
  return useInfiniteQuery(myVerificationsQuery(status));
}
