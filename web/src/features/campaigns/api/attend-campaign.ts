import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { Campaign, Participation, PositionFix } from './types';

export type CheckOutResult = { minutes: number; pointsAwarded: number; attendance: Participation };

const post = <T>(id: string, action: string, json: object = {}) =>
  apiRequest<T>(`/campaigns/${encodeURIComponent(id)}/${action}`, { method: 'POST', json });

export const joinCampaign = (id: string) => post<{ campaign: Campaign }>(id, 'join');
export const leaveCampaign = (id: string) => post<{ campaign: Campaign }>(id, 'leave');
export const checkIn = (id: string, fix: PositionFix) => post<{ attendance: Participation; distanceM: number }>(id, 'check-in', fix);
export const checkOut = (id: string, fix: PositionFix) => post<CheckOutResult>(id, 'check-out', fix);

/** Join, leave, check in or out; afterwards the campaign, the lists and (after points) the balance are read again. */
export function useAttend<I, R>(action: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSettled: () =>
      Promise.all([queryRoots.campaigns, queryRoots.points, queryRoots.me, queryRoots.leaderboard].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
