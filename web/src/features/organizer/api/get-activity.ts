import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { queryRoots } from '../../../shared/query-keys';
import type { Activity, ActivityPeriod } from './types';

export const getActivity = (period: ActivityPeriod) => apiRequest<Activity>(`/organizer/activity?period=${period}&buckets=12`);

export const activityQuery = (period: ActivityPeriod) =>
  queryOptions({
    queryKey: [...queryRoots.organizer, 'activity', period],
    queryFn: () => getActivity(period),
    placeholderData: keepPreviousData,
  });

export function useActivity(period: ActivityPeriod) {
  const { isSignedIn } = useSession();
  return useQuery({ ...activityQuery(period), enabled: isSignedIn });
}
