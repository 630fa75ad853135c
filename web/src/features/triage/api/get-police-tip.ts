import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { PoliceTip } from '../../../shared/types/tip';
import type { PoliceTipAnswer } from '@hy/schemas/triage';

export async function getPoliceTip(id: string): Promise<PoliceTip> {
  return (await apiRequest<PoliceTipAnswer>(`/tips/${encodeURIComponent(id)}`)).tip;
}

export const policeTipQuery = (id: string) => queryOptions({ queryKey: [...queryRoots.policeTip, id], queryFn: () => getPoliceTip(id) });

export function usePoliceTip(id: string) {
  return useQuery(policeTipQuery(id));
}
