import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import { queryRoots } from '../query-keys';

/** The base map every map of the app draws on (GET /api/map/config). */
export type MapConfig = {
  /** Leaflet URL template: {s} {z} {x} {y}. */
  tileUrl: string;
  /** The datum the tiles are drawn in: points are shifted to GCJ-02 before drawing on Chinese maps. */
  crs: 'wgs84' | 'gcj02';
  attribution: string;
  maxZoom: number;
};

export const mapConfigQuery = () =>
  queryOptions({
    queryKey: [...queryRoots.reference, 'map-config'],
    queryFn: () => apiRequest<MapConfig>('/map/config', { auth: 'none' }),
    staleTime: Infinity,
  });

export function useMapConfig() {
  return useQuery(mapConfigQuery());
}
