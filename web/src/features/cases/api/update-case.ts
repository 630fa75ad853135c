import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import { caseQuery } from './get-case';
import { caseListsKey } from './get-cases';
import type { CaseDetail, CaseStatus } from '../../../shared/types/case';
import type { CaseAnswer } from '@hy/schemas/cases';

export type CaseChange =
  | { kind: 'update'; patch: { status?: CaseStatus; leadOfficerId?: string | null; summary?: string | null } }
  | { kind: 'link'; tipIds: string[] }
  | { kind: 'unlink'; tipId: string };

/** PATCH /cases/:id, POST /cases/:id/tips and DELETE /cases/:id/tips/:tipId all answer the updated case. */
export async function changeCase(id: string, change: CaseChange): Promise<CaseDetail> {
  const base = `/cases/${encodeURIComponent(id)}`;
  const request =
    change.kind === 'update'
      ? apiRequest<CaseAnswer>(base, { method: 'PATCH', json: change.patch })
      : change.kind === 'link'
        ? apiRequest<CaseAnswer>(`${base}/tips`, { method: 'POST', json: { tipIds: change.tipIds } })
        : apiRequest<CaseAnswer>(`${base}/tips/${encodeURIComponent(change.tipId)}`, { method: 'DELETE' });
  return (await request).case;
}

export function useChangeCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: CaseChange) => changeCase(id, change),
    onSuccess: (updated, change) => {
      queryClient.setQueryData(caseQuery(id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: caseListsKey });
      // Tips show their case, and queue rows carry caseId.
      if (change.kind === 'update') return;
      void queryClient.invalidateQueries({ queryKey: queryRoots.policeTip });
      void queryClient.invalidateQueries({ queryKey: queryRoots.queue });
    },
  });
}
