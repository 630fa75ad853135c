import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { dayAfter, dayStart } from '../../../lib/days';
import { queryRoots } from '../../../shared/query-keys';
import type { MapQuery, MapTips } from '@hy/schemas/tip-map';

/** What the map shows, like the queue's filters (days are Hengyang days, `to` inclusive; a district for admins). */
// MapQuery's status and districtId; category a string from the URL (checked by the server), from/to days (instants there).
export type MapFilters = Partial<Pick<MapQuery, 'status' | 'districtId'>> & { category?: string; from?: string; to?: string };

/** minLng, minLat, maxLng, maxLat in WGS-84. */
export type Bbox = [number, number, number, number];

export function getMapTips(bbox: Bbox, filters: MapFilters): Promise<MapTips> {
  const params = new URLSearchParams({ bbox: bbox.join(',') });
  if (filters.status) params.set('status', filters.status);
  if (filters.category) params.set('category', filters.category);
  if (filters.from) params.set('from', dayStart(filters.from));
  if (filters.to) params.set('to', dayAfter(filters.to));
  if (filters.districtId !== undefined) params.set('districtId', String(filters.districtId));
  return apiRequest<MapTips>(`/map/tips?${params.toString()}`);
}

export const mapTipsQuery = (bbox: Bbox, filters: MapFilters) =>
  queryOptions({ queryKey: [...queryRoots.tipMap, bbox, filters], queryFn: () => getMapTips(bbox, filters), staleTime: 30_000 });

/** While the map pans, the previous answer stays drawn until the new one arrives. */
export function useMapTips(bbox: Bbox | null, filters: MapFilters) {
  return useQuery({ ...mapTipsQuery(bbox ?? [0, 0, 0, 0], filters), enabled: bbox !== null, placeholderData: keepPreviousData });
}
