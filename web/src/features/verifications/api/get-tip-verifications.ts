import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { PoliceVerification, PoliceVerificationList } from '@hy/schemas/verifications';

export async function getTipVerifications(tipId: string): Promise<PoliceVerification[]> {
  return (await apiRequest<PoliceVerificationList>(`/tips/${encodeURIComponent(tipId)}/verifications`)).verifications;
}

export const tipVerificationsQuery = (tipId: string) =>
  queryOptions({ queryKey: [...queryRoots.verifications, 'tip', tipId], queryFn: () => getTipVerifications(tipId) });

export function useTipVerifications(tipId: string) {
  return useQuery(tipVerificationsQuery(tipId));
}
