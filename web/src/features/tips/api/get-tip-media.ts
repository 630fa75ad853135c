import { useQuery } from '@tanstack/react-query';
import { apiBlob } from '../../../lib/api-client';

/** Tip photos need the Authorization header, so an <img src> cannot load them directly. */
export function getTipMedia(url: string): Promise<Blob> {
  return apiBlob(url);
}

export function useTipMedia(url: string) {
  return useQuery({ queryKey: ['tip-media', url], queryFn: () => getTipMedia(url), staleTime: Infinity, gcTime: 5 * 60_000 });
}
