import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { casesKey } from './get-cases';
import type { CaseDetail } from './types';

export async function getCase(id: string): Promise<CaseDetail> {
  return (await apiRequest<{ case: CaseDetail }>(`/cases/${encodeURIComponent(id)}`)).case;
}

export const caseKey = (id: string) => [...casesKey, 'detail', id] as const;

export function useCase(id: string) {
  return useQuery({ queryKey: caseKey(id), queryFn: () => getCase(id) });
}
