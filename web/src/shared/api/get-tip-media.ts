import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiBlob } from '../../lib/api-client';
import { queryRoots } from '../query-keys';

/** Tip photos need the Authorization header, so an <img src> cannot load them directly. */
export function getTipMedia(url: string): Promise<Blob> {
  return apiBlob(url);
}

export const tipMediaQuery = (url: string) =>
  queryOptions({ queryKey: [...queryRoots.tipMedia, url], queryFn: () => getTipMedia(url), staleTime: Infinity, gcTime: 5 * 60_000 });

export function useTipMedia(url: string) {
  return useQuery(tipMediaQuery(url));
}
