import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { PoliceTip } from './types';

export async function getPoliceTip(id: string): Promise<PoliceTip> {
  return (await apiRequest<{ tip: PoliceTip }>(`/tips/${encodeURIComponent(id)}`)).tip;
}

export const policeTipKey = (id: string) => ['police-tip', id] as const;

export function usePoliceTip(id: string) {
  return useQuery({ queryKey: policeTipKey(id), queryFn: () => getPoliceTip(id) });
}
