import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { queryRoots } from '../../../shared/query-keys';
import type { CampaignAnswer } from '@hy/schemas/campaigns';

export const getCampaign = (id: string) => apiRequest<CampaignAnswer>(`/campaigns/${encodeURIComponent(id)}`).then((b) => b.campaign);

export const campaignQuery = (id: string) => queryOptions({ queryKey: [...queryRoots.campaigns, 'one', id], queryFn: () => getCampaign(id) });

export function useCampaign(id: string) {
  const { isSignedIn } = useSession();
  return useQuery({ ...campaignQuery(id), enabled: isSignedIn });
}
