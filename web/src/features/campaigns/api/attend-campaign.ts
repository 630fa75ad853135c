import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { CampaignAnswer, CheckedIn, CheckedOut, PositionFix } from '@hy/schemas/campaigns';

const post = <T>(id: string, action: string, json: object = {}) =>
  apiRequest<T>(`/campaigns/${encodeURIComponent(id)}/${action}`, { method: 'POST', json });

export const joinCampaign = (id: string) => post<CampaignAnswer>(id, 'join');
export const leaveCampaign = (id: string) => post<CampaignAnswer>(id, 'leave');
export const checkIn = (id: string, fix: PositionFix) => post<CheckedIn>(id, 'check-in', fix);
export const checkOut = (id: string, fix: PositionFix) => post<CheckedOut>(id, 'check-out', fix);

/** Join, leave, check in or out; afterwards the campaign, the lists and (after points) the balance are read again. */
export function useAttend<I, R>(action: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSettled: () =>
      Promise.all([queryRoots.campaigns, queryRoots.points, queryRoots.me, queryRoots.leaderboard].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
