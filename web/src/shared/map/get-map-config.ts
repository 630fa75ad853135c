import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import { queryRoots } from '../query-keys';

/** The base map every map of the app draws on (GET /api/map/config). */
export type { MapConfig } from '@hy/schemas/tip-map';
import type { MapConfig } from '@hy/schemas/tip-map';

export const mapConfigQuery = () =>
  queryOptions({
    queryKey: [...queryRoots.reference, 'map-config'],
    queryFn: () => apiRequest<MapConfig>('/map/config', { auth: 'none' }),
    staleTime: Infinity,
  });

export function useMapConfig() {
  return useQuery(mapConfigQuery());
}
