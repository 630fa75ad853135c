import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { QueuePage, QueueQuery } from '@hy/schemas/triage';
import { dayAfter, dayStart } from '../../../lib/days';

/**
 * QueueQuery's parsed values (coerced districtId; status required, it defaults there); category a
 * string read from the URL (the server checks it against CATEGORY_IDS); from/to days here, instants there.
 */
export type QueueFilters = Pick<QueueQuery, 'status'> &
  Partial<Pick<QueueQuery, 'priority' | 'q' | 'claim' | 'verification' | 'districtId'>> & {
  category?: string;
  /** Received on or after this day (YYYY-MM-DD, Hengyang time). */
  from?: string;
  /** Received on or before this day (YYYY-MM-DD, inclusive). */
  to?: string;
};

export async function getQueue(filters: QueueFilters, cursor: string | null): Promise<QueuePage> {
  const params = new URLSearchParams({ limit: '25' });
  const { from, to, districtId, ...rest } = filters;
  for (const [key, value] of Object.entries(rest)) if (value) params.set(key, value);
  if (from) params.set('from', dayStart(from));
  if (to) params.set('to', dayAfter(to));
  if (districtId !== undefined) params.set('districtId', String(districtId));
  if (cursor) params.set('cursor', cursor);
  return apiRequest<QueuePage>(`/queue?${params.toString()}`);
}

export const queueQuery = (filters: QueueFilters) =>
  infiniteQueryOptions({
    queryKey: [...queryRoots.queue, filters],
    queryFn: ({ pageParam }) => getQueue(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export function useQueue(filters: QueueFilters) {
  return useInfiniteQuery(queueQuery(filters));
}
