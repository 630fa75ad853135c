import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import { caseQuery } from './get-case';
import { caseListsKey } from './get-cases';
import type { CaseDetail } from '../../../shared/types/case';

/** `districtId` is required from admins; police may only name their own. */
export type CreateCaseInput = { title: string; summary?: string; districtId?: number; tipIds?: string[] };

export async function createCase(input: CreateCaseInput): Promise<CaseDetail> {
  return (await apiRequest<{ case: CaseDetail }>('/cases', { method: 'POST', json: input })).case;
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCase,
    onSuccess: (created) => {
      queryClient.setQueryData(caseQuery(created.id).queryKey, created);
      void queryClient.invalidateQueries({ queryKey: caseListsKey });
      void queryClient.invalidateQueries({ queryKey: queryRoots.policeTip });
      void queryClient.invalidateQueries({ queryKey: queryRoots.queue });
    },
  });
}
