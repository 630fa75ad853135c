import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import { unreadQuery } from './get-unread';
import type { Thread } from '@hy/schemas/messages';

export function getThread(tipId: string): Promise<Thread> {
  return apiRequest<Thread>(`/tips/${encodeURIComponent(tipId)}/messages`);
}

/** Polled while open so answers show up; reading marks the messages read, so the unread badges follow. */
export const threadQuery = (tipId: string, queryClient: QueryClient) =>
  queryOptions({
    queryKey: [...queryRoots.messages, 'thread', tipId],
    queryFn: async () => {
      const thread = await getThread(tipId);
      void queryClient.invalidateQueries({ queryKey: unreadQuery().queryKey });
      return thread;
    },
    refetchInterval: 30_000,
  });

/** The thread of a tip for its reporter or police. */
export function useThread(tipId: string) {
  return useQuery(threadQuery(tipId, useQueryClient()));
}
