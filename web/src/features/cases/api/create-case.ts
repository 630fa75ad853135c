import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queueKey } from '../../triage/api/get-queue';
import { caseKey } from './get-case';
import { casesKey } from './get-cases';
import type { CaseDetail } from './types';

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
      queryClient.setQueryData(caseKey(created.id), created);
      void queryClient.invalidateQueries({ queryKey: casesKey });
      void queryClient.invalidateQueries({ queryKey: ['police-tip'] });
      void queryClient.invalidateQueries({ queryKey: queueKey });
    },
  });
}
