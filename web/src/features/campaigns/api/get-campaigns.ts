import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { queryRoots } from '../../../shared/query-keys';
import type { CampaignsPage, CampaignsQuery } from '@hy/schemas/campaigns';
import type { z } from 'zod';

/** Which campaigns: what is on near the volunteer (their district), in a community, in a district, or the ones they joined. */
// communityId, districtId, mine: CampaignsQuery's parsed values; status as sent (a comma-separated list of CAMPAIGN_STATUSES).
export type CampaignFilter = Partial<Pick<CampaignsQuery, 'communityId' | 'districtId' | 'mine'> & Pick<z.input<typeof CampaignsQuery>, 'status'>>;

export function getCampaigns(filter: CampaignFilter, cursor: string | null): Promise<CampaignsPage> {
  const search = new URLSearchParams({ limit: '20' });
  if (filter.status) search.set('status', filter.status);
  if (filter.communityId !== undefined) search.set('communityId', String(filter.communityId));
  if (filter.districtId !== undefined) search.set('districtId', String(filter.districtId));
  if (filter.mine) search.set('mine', 'true');
  if (cursor) search.set('cursor', cursor);
  return apiRequest<CampaignsPage>(`/campaigns?${search.toString()}`);
}

export const campaignsQuery = (filter: CampaignFilter) =>
  infiniteQueryOptions({
    queryKey: [...queryRoots.campaigns, 'list', filter],
    queryFn: ({ pageParam }) => getCampaigns(filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useCampaigns(filter: CampaignFilter, isEnabled = true) {
  const { isSignedIn } = useSession();
  return useInfiniteQuery({ ...campaignsQuery(filter), enabled: isSignedIn && isEnabled });
}
