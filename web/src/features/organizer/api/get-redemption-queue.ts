import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import type { QueuedRedemption } from './types';

export const redemptionQueueKey = ['organizer', 'redemptions', 'pending'] as const;

export const getRedemptionQueue = () =>
  apiRequest<{ redemptions: QueuedRedemption[]; nextCursor: string | null }>('/redemptions?status=pending&limit=100').then((b) => b.redemptions);

export function useRedemptionQueue() {
  const { isSignedIn } = useSession();
  return useQuery({ queryKey: redemptionQueueKey, queryFn: getRedemptionQueue, enabled: isSignedIn });
}
