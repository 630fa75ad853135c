import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { queryRoots } from '../../../shared/query-keys';
import type { Activity, ActivityPeriod } from '@hy/schemas/organizer';

export const getActivity = (period: ActivityPeriod, communityId?: number) =>
  apiRequest<Activity>(`/organizer/activity?period=${period}&buckets=12${communityId === undefined ? '' : `&communityId=${communityId}`}`);

/** All the caller's communities, or the one picked on the dashboard. */
export const activityQuery = (period: ActivityPeriod, communityId?: number) =>
  queryOptions({
    queryKey: [...queryRoots.organizer, 'activity', period, communityId ?? 'all'],
    queryFn: () => getActivity(period, communityId),
    placeholderData: keepPreviousData,
  });

export function useActivity(period: ActivityPeriod, communityId?: number) {
  const { isSignedIn } = useSession();
  return useQuery({ ...activityQuery(period, communityId), enabled: isSignedIn });
}
