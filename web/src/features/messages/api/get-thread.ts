import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { Thread } from './types';

export const threadKey = (tipId: string) => ['tips', 'thread', tipId] as const;

export function getThread(tipId: string): Promise<Thread> {
  return apiRequest<Thread>(`/tips/${encodeURIComponent(tipId)}/messages`);
}

/** The thread of a tip for its reporter or police; polled while open so answers show up. */
export function useThread(tipId: string) {
  return useQuery({ queryKey: threadKey(tipId), queryFn: () => getThread(tipId), refetchInterval: 30_000 });
}
