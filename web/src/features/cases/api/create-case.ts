import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import { caseQuery } from './get-case';
import { caseListsKey } from './get-cases';
import type { CaseAnswer, CaseDetail, CreateCase } from '@hy/schemas/cases';
import type { z } from 'zod';

/** `districtId` is required from admins; police may only name their own. */
// districtId is coerced (z.input is unknown): typed as the number it becomes.
export type CreateCaseInput = Omit<z.input<typeof CreateCase>, 'districtId'> & Pick<CreateCase, 'districtId'>;

export async function createCase(input: CreateCaseInput): Promise<CaseDetail> {
  return (await apiRequest<CaseAnswer>('/cases', { method: 'POST', json: input })).case;
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
