import { useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { TipStatus } from '../../tips/api/types';
import type { Priority, QueuePage } from './types';

export type QueueFilters = {
  status: TipStatus;
  category?: string;
  priority?: Priority;
  q?: string;
  claim?: 'mine' | 'unclaimed';
};

export async function getQueue(filters: QueueFilters, cursor: string | null): Promise<QueuePage> {
  const params = new URLSearchParams({ limit: '25' });
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (cursor) params.set('cursor', cursor);
  return apiRequest<QueuePage>(`/queue?${params.toString()}`);
}

export const queueKey = ['queue'] as const;

export function useQueue(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: [...queueKey, filters],
    queryFn: ({ pageParam }) => getQueue(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
