import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { UnreadSummary } from '@hy/schemas/messages';

export type { UnreadSummary };

export function getUnread(): Promise<UnreadSummary> {
  return apiRequest<UnreadSummary>('/messages/unread');
}

export const unreadQuery = () =>
  queryOptions({ queryKey: [...queryRoots.messages, 'unread'], queryFn: getUnread, refetchInterval: 60_000 });

/** Tips with messages the signed-in reporter (or police officer) has not read yet. */
export function useUnread(enabled = true) {
  return useQuery({ ...unreadQuery(), enabled });
}
