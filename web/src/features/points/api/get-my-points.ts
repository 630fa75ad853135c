import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { queryRoots } from '../../../shared/query-keys';
import type { MyPoints } from '@hy/schemas/points';

export function getMyPoints(cursor: string | null): Promise<MyPoints> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return apiRequest<MyPoints>(`/me/points${query}`);
}

export const myPointsQuery = () =>
  infiniteQueryOptions({
    queryKey: [...queryRoots.points, 'mine'],
    queryFn: ({ pageParam }) => getMyPoints(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useMyPoints() {
  const { isSignedIn } = useSession();
  return useInfiniteQuery({ ...myPointsQuery(), enabled: isSignedIn });
}
