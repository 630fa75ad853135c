import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import type { CommunityBoard, Period, VolunteerBoard } from './types';

export type BoardScope = { districtId?: number; communityId?: number };

function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  return search.toString();
}

export const getVolunteerBoard = (period: Period, scope: BoardScope) =>
  apiRequest<VolunteerBoard>(`/leaderboards/volunteers?${queryString({ period, ...scope, limit: 50 })}`);

export const getCommunityBoard = (period: Period, districtId: number | undefined, perCapita: boolean) =>
  apiRequest<CommunityBoard>(`/leaderboards/communities?${queryString({ period, districtId, perCapita, limit: 50 })}`);

export function useVolunteerBoard(period: Period, scope: BoardScope) {
  const { isSignedIn } = useSession();
  return useQuery({
    queryKey: ['leaderboard', 'volunteers', period, scope],
    queryFn: () => getVolunteerBoard(period, scope),
    enabled: isSignedIn,
    placeholderData: keepPreviousData,
  });
}

export function useCommunityBoard(period: Period, districtId: number | undefined, perCapita: boolean) {
  const { isSignedIn } = useSession();
  return useQuery({
    queryKey: ['leaderboard', 'communities', period, districtId, perCapita],
    queryFn: () => getCommunityBoard(period, districtId, perCapita),
    enabled: isSignedIn,
    placeholderData: keepPreviousData,
  });
}
