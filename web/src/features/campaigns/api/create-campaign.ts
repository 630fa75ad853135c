import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../shared/query-keys';
import type { Campaign, CampaignKind } from './types';

export type CreateCampaign = {
  title: string;
  kind: CampaignKind;
  description: string;
  startsAt: string;
  endsAt: string;
  lat: number;
  lng: number;
  radiusM: number;
  address: string;
  capacity: number | null;
  points: number;
  districtId?: number;
};

export const createCampaign = (input: CreateCampaign) =>
  apiRequest<{ campaign: Campaign }>('/campaigns', { method: 'POST', json: input }).then((b) => b.campaign);

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createCampaign, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryRoots.campaigns }) });
}
