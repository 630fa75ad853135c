import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { Tip } from '../../../shared/types/tip';
import { myTipsQuery } from './get-my-tips';

export async function getTip(id: string): Promise<Tip> {
  const body = await apiRequest<{ tip: Tip }>(`/tips/${encodeURIComponent(id)}`);
  return body.tip;
}

export const tipQuery = (id: string) => queryOptions({ queryKey: [...queryRoots.tips, 'detail', id], queryFn: () => getTip(id) });

export function useTip(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    ...tipQuery(id),
    // Show the row from My tips at once while the full tip loads.
    placeholderData: () =>
      queryClient
        .getQueryData(myTipsQuery().queryKey)
        ?.pages.flatMap((page) => page.tips)
        .find((tip) => tip.id === id),
  });
}
