import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import { queryRoots } from '../query-keys';
import type { District } from '../types/reference';

export async function getDistricts(): Promise<District[]> {
  const body = await apiRequest<{ districts: District[] }>('/districts', { auth: 'none' });
  return body.districts;
}

export const districtsQuery = () =>
  queryOptions({ queryKey: [...queryRoots.reference, 'districts'], queryFn: getDistricts, staleTime: Infinity });

export function useDistricts() {
  return useQuery(districtsQuery());
}
