import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { CampaignAnswer, CreateCampaignInput } from '@hy/schemas/campaigns';

/** The body of POST /api/campaigns, as the server's schema takes it (dates as ISO text). */
export type CreateCampaign = CreateCampaignInput;

export const createCampaign = (input: CreateCampaign) =>
  apiRequest<CampaignAnswer>('/campaigns', { method: 'POST', json: input }).then((b) => b.campaign);

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createCampaign, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryRoots.campaigns }) });
}
