import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import type { Redemption } from './types';

export const getMyRedemptions = () =>
  apiRequest<{ redemptions: Redemption[]; nextCursor: string | null }>('/redemptions/mine?limit=50').then((body) => body.redemptions);

export const myRedemptionsKey = ['points', 'redemptions'] as const;

export function useMyRedemptions() {
  const { isSignedIn } = useSession();
  return useQuery({ queryKey: myRedemptionsKey, queryFn: getMyRedemptions, enabled: isSignedIn });
}
