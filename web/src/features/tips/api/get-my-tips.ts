import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { queryRoots } from '../../../shared/query-keys';
import type { MyTipsPage } from '@hy/schemas/tip-views';

export type { MyTipsPage };

export function getMyTips(cursor: string | null): Promise<MyTipsPage> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return apiRequest<MyTipsPage>(`/tips/mine${query}`);
}

export const myTipsQuery = () =>
  infiniteQueryOptions({
    queryKey: [...queryRoots.tips, 'mine'],
    queryFn: ({ pageParam }) => getMyTips(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useMyTips() {
  const { isSignedIn } = useSession();
  return useInfiniteQuery({ ...myTipsQuery(), enabled: isSignedIn });
}
