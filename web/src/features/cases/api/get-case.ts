import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { CaseDetail } from '../../../shared/types/case';
import type { CaseAnswer } from '@hy/schemas/cases';

export async function getCase(id: string): Promise<CaseDetail> {
  return (await apiRequest<CaseAnswer>(`/cases/${encodeURIComponent(id)}`)).case;
}

export const caseQuery = (id: string) => queryOptions({ queryKey: [...queryRoots.cases, 'detail', id], queryFn: () => getCase(id) });

export function useCase(id: string) {
  return useQuery(caseQuery(id));
}
