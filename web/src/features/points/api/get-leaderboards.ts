import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { queryRoots } from '../../../shared/query-keys';
import type { CommunityBoard, Period, VolunteerBoard, VolunteerBoardQuery } from '@hy/schemas/leaderboards';

export type BoardScope = Partial<Pick<VolunteerBoardQuery, 'districtId' | 'communityId'>>;

function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  return search.toString();
}

export const getVolunteerBoard = (period: Period, scope: BoardScope) =>
  apiRequest<VolunteerBoard>(`/leaderboards/volunteers?${queryString({ period, ...scope, limit: 50 })}`);

export const getCommunityBoard = (period: Period, districtId: number | undefined, perCapita: boolean) =>
  apiRequest<CommunityBoard>(`/leaderboards/communities?${queryString({ period, districtId, perCapita, limit: 50 })}`);

export const volunteerBoardQuery = (period: Period, scope: BoardScope) =>
  queryOptions({
    queryKey: [...queryRoots.leaderboard, 'volunteers', period, scope],
    queryFn: () => getVolunteerBoard(period, scope),
    placeholderData: keepPreviousData,
  });

export const communityBoardQuery = (period: Period, districtId: number | undefined, perCapita: boolean) =>
  queryOptions({
    queryKey: [...queryRoots.leaderboard, 'communities', period, districtId, perCapita],
    queryFn: () => getCommunityBoard(period, districtId, perCapita),
    placeholderData: keepPreviousData,
  });

export function useVolunteerBoard(period: Period, scope: BoardScope) {
  const { isSignedIn } = useSession();
  return useQuery({ ...volunteerBoardQuery(period, scope), enabled: isSignedIn });
}

export function useCommunityBoard(period: Period, districtId: number | undefined, perCapita: boolean) {
  const { isSignedIn } = useSession();
  return useQuery({ ...communityBoardQuery(period, districtId, perCapita), enabled: isSignedIn });
}
