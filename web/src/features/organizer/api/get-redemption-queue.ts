import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { queryRoots } from '../../../shared/query-keys';
import type { RedemptionQueuePage } from '@hy/schemas/rewards';

export const getRedemptionQueue = () =>
  apiRequest<RedemptionQueuePage>('/redemptions?status=pending&limit=100').then((b) => b.redemptions);

export const redemptionQueueQuery = () =>
  queryOptions({ queryKey: [...queryRoots.organizer, 'redemptions', 'pending'], queryFn: getRedemptionQueue });

export function useRedemptionQueue() {
  const { isSignedIn } = useSession();
  return useQuery({ ...redemptionQueueQuery(), enabled: isSignedIn });
}
