import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { VerificationTask, VerificationTaskAnswer } from '@hy/schemas/verifications';

export async function getVerification(id: string): Promise<VerificationTask> {
  return (await apiRequest<VerificationTaskAnswer>(`/verifications/${encodeURIComponent(id)}`)).verification;
}

export const verificationQuery = (id: string) =>
  queryOptions({ queryKey: [...queryRoots.verifications, 'task', id], queryFn: () => getVerification(id) });

export function useVerification(id: string) {
  return useQuery(verificationQuery(id));
}
