import { useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { unreadKey } from './get-unread';
import type { Thread } from './types';

export const threadKey = (tipId: string) => ['tips', 'thread', tipId] as const;

export function getThread(tipId: string): Promise<Thread> {
  return apiRequest<Thread>(`/tips/${encodeURIComponent(tipId)}/messages`);
}

/** The thread of a tip for its reporter or police; polled while open so answers show up. */
export function useThread(tipId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: threadKey(tipId),
    queryFn: async () => {
      const thread = await getThread(tipId);
      // Reading the thread marks its messages read on the server: the unread badges follow.
      void queryClient.invalidateQueries({ queryKey: unreadKey });
      return thread;
    },
    refetchInterval: 30_000,
  });
}
