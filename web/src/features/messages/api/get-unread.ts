import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export type UnreadSummary = { total: number; tips: { tipId: string; reference: string; unread: number }[] };

export const unreadKey = ['messages', 'unread'] as const;

export function getUnread(): Promise<UnreadSummary> {
  return apiRequest<UnreadSummary>('/messages/unread');
}

/** Tips with messages the signed-in reporter (or police officer) has not read yet. */
export function useUnread(enabled = true) {
  return useQuery({ queryKey: unreadKey, queryFn: getUnread, enabled, refetchInterval: 60_000 });
}
