import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import type { Activity, ActivityPeriod } from './types';

export const getActivity = (period: ActivityPeriod) => apiRequest<Activity>(`/organizer/activity?period=${period}&buckets=12`);

export function useActivity(period: ActivityPeriod) {
  const { isSignedIn } = useSession();
  return useQuery({
    queryKey: ['organizer', 'activity', period],
    queryFn: () => getActivity(period),
    enabled: isSignedIn,
    placeholderData: keepPreviousData,
  });
}
