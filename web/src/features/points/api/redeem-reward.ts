import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { uuidV4 } from '../../../lib/uuid';
import { queryRoots } from '../../../shared/query-keys';
import type { Redeemed } from '@hy/schemas/rewards';

export type RedeemResult = Redeemed;

/** One Idempotency-Key per confirmed redemption: a retried request never redeems twice. */
export function redeemReward(rewardId: string, idempotencyKey: string): Promise<RedeemResult> {
  return apiRequest<RedeemResult>(`/rewards/${encodeURIComponent(rewardId)}/redeem`, {
    method: 'POST',
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useRedeemReward() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rewardId: string) => redeemReward(rewardId, `redeem-${uuidV4()}`),
    onSettled: () =>
      Promise.all(
        [queryRoots.points, queryRoots.rewards, queryRoots.me].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}
