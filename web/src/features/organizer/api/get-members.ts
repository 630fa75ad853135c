import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { queryRoots } from '../../../shared/query-keys';
import type { MembersPage } from '@hy/schemas/organizer';

const PAGE_SIZE = 50;

export function getMembers(communityId: number | undefined, cursor: string | null): Promise<MembersPage> {
  const search = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (communityId !== undefined) search.set('communityId', String(communityId));
  if (cursor) search.set('cursor', cursor);
  return apiRequest<MembersPage>(`/organizer/members?${search.toString()}`);
}

export const membersQuery = (communityId: number | undefined) =>
  infiniteQueryOptions({
    queryKey: [...queryRoots.organizer, 'members', communityId ?? 'all'],
    queryFn: ({ pageParam }) => getMembers(communityId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

/** Newest members first, one keyset page at a time ("Load more"). */
export function useMembers(communityId: number | undefined) {
  const { isSignedIn } = useSession();
  return useInfiniteQuery({ ...membersQuery(communityId), enabled: isSignedIn });
}
