import { useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import type { Tip } from './types';

export type MyTipsPage = { tips: Tip[]; nextCursor: string | null };

export function getMyTips(cursor: string | null): Promise<MyTipsPage> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return apiRequest<MyTipsPage>(`/tips/mine${query}`);
}

export const myTipsKey = ['tips', 'mine'] as const;

export function useMyTips() {
  const { isSignedIn } = useSession();
  return useInfiniteQuery({
    queryKey: myTipsKey,
    queryFn: ({ pageParam }) => getMyTips(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: isSignedIn,
  });
}
