import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { caseQuery } from './get-case';
import type { CaseNote } from '../../../shared/types/case';
import type { CaseNoteAnswer } from '@hy/schemas/cases';

export async function addCaseNote(id: string, body: string): Promise<CaseNote> {
  return (await apiRequest<CaseNoteAnswer>(`/cases/${encodeURIComponent(id)}/notes`, { method: 'POST', json: { body } })).note;
}

export function useAddCaseNote(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => addCaseNote(id, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: caseQuery(id).queryKey }),
  });
}
