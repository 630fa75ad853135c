import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryRoots } from '../../../shared/query-keys';
import { caseQuery } from './get-case';
import { caseListsKey } from './get-cases';
import { changeCase } from './update-case';

export type LinkTipInput = { caseId: string; tipId: string };

/** POST /cases/:id/tips from a tip's page, where the case is picked at the moment of linking. */
export function useLinkTipToCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, tipId }: LinkTipInput) => changeCase(caseId, { kind: 'link', tipIds: [tipId] }),
    onSuccess: (updated) => {
      queryClient.setQueryData(caseQuery(updated.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: caseListsKey });
      void queryClient.invalidateQueries({ queryKey: queryRoots.policeTip });
      void queryClient.invalidateQueries({ queryKey: queryRoots.queue });
    },
  });
}
