import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { caseKey } from './get-case';
import { casesKey } from './get-cases';
import type { CaseDetail } from './types';

export type CreateCaseInput = { title: string; summary?: string; tipIds?: string[] };

export async function createCase(input: CreateCaseInput): Promise<CaseDetail> {
  return (await apiRequest<{ case: CaseDetail }>('/cases', { method: 'POST', json: input })).case;
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCase,
    onSuccess: (created) => {
      queryClient.setQueryData(caseKey(created.id), created);
      void queryClient.invalidateQueries({ queryKey: casesKey });
      void queryClient.invalidateQueries({ queryKey: ['police-tip'] });
    },
  });
}
