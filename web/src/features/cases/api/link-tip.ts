import { useMutation, useQueryClient } from '@tanstack/react-query';
import { policeTipKey } from '../../triage/api/get-police-tip';
import { queueKey } from '../../triage/api/get-queue';
import { caseKey } from './get-case';
import { casesKey } from './get-cases';
import { changeCase } from './update-case';

export type LinkTipInput = { caseId: string; tipId: string };

/** POST /cases/:id/tips from a tip's page, where the case is picked at the moment of linking. */
export function useLinkTipToCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, tipId }: LinkTipInput) => changeCase(caseId, { kind: 'link', tipIds: [tipId] }),
    onSuccess: (updated, { tipId }) => {
      queryClient.setQueryData(caseKey(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: [...casesKey, 'list'] });
      void queryClient.invalidateQueries({ queryKey: policeTipKey(tipId) });
      void queryClient.invalidateQueries({ queryKey: queueKey });
    },
  });
}
