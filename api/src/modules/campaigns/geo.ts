import distance from '@turf/distance';
import { point } from '@turf/helpers';

type LatLng = { lat: number; lng: number };

/** Great-circle distance in metres (turf's haversine on WGS-84 degrees; GeoJSON order is lng, lat). */
export function metresBetween(a: LatLng, b: LatLng): number {
  return distance(point([a.lng, a.lat]), point([b.lng, b.lat]), { units: 'meters' });
}
