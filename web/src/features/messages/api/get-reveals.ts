import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { Reveal } from './reveal-reporter';

export type RevealList = { isRevealable: boolean; reveals: Reveal[] };

export const revealsKey = (tipId: string) => ['tips', 'reveals', tipId] as const;

export function getReveals(tipId: string): Promise<RevealList> {
  return apiRequest<RevealList>(`/tips/${encodeURIComponent(tipId)}/reveals`);
}

/** Earlier reveals of a tip (supervisors only). */
export function useReveals(tipId: string, enabled = true) {
  return useQuery({ queryKey: revealsKey(tipId), queryFn: () => getReveals(tipId), enabled });
}
