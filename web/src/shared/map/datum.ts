import gcoord from 'gcoord';
import type { MapConfig } from './get-map-config';

export type LatLng = { lat: number; lng: number };

/**
 * The API speaks WGS-84 (GPS). Chinese base maps are drawn in GCJ-02, offset by up to a few hundred
 * metres: a point is shifted before it is drawn, and a pin placed on such a map is shifted back.
 */
export function toScreen(point: LatLng, crs: MapConfig['crs']): LatLng {
  if (crs === 'wgs84') return point;
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.WGS84, gcoord.GCJ02);
  return { lat, lng };
}

export function fromScreen(point: LatLng, crs: MapConfig['crs']): LatLng {
  if (crs === 'wgs84') return point;
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.GCJ02, gcoord.WGS84);
  return { lat, lng };
}
