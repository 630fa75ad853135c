import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export type District = { id: number; code: string; nameZh: string; nameEn: string };

export async function getDistricts(): Promise<District[]> {
  const body = await apiRequest<{ districts: District[] }>('/districts', { auth: 'none' });
  return body.districts;
}

export function useDistricts() {
  return useQuery({ queryKey: ['reference', 'districts'], queryFn: getDistricts, staleTime: Infinity });
}
