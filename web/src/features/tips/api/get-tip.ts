import { useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { myTipsKey, type MyTipsPage } from './get-my-tips';
import type { Tip } from './types';

export async function getTip(id: string): Promise<Tip> {
  const body = await apiRequest<{ tip: Tip }>(`/tips/${encodeURIComponent(id)}`);
  return body.tip;
}

export function useTip(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['tips', 'detail', id],
    queryFn: () => getTip(id),
    // Show the row from My tips at once while the full tip loads.
    placeholderData: () =>
      queryClient
        .getQueryData<InfiniteData<MyTipsPage>>(myTipsKey)
        ?.pages.flatMap((page) => page.tips)
        .find((tip) => tip.id === id),
  });
}
