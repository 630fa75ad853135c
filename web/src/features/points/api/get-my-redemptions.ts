import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { queryRoots } from '../../../shared/query-keys';
import type { MyRedemptionsPage } from '@hy/schemas/rewards';

export const getMyRedemptions = () =>
  apiRequest<MyRedemptionsPage>('/redemptions/mine?limit=50').then((body) => body.redemptions);

export const myRedemptionsQuery = () => queryOptions({ queryKey: [...queryRoots.points, 'redemptions'], queryFn: getMyRedemptions });

export function useMyRedemptions() {
  const { isSignedIn } = useSession();
  return useQuery({ ...myRedemptionsQuery(), enabled: isSignedIn });
}
