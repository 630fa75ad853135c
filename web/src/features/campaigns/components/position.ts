import type { PositionFix } from '@hy/schemas/campaigns';

export type GeoErrorCode = 'GEO_DENIED' | 'GEO_UNAVAILABLE' | 'GEO_TIMEOUT' | 'GEO_UNSUPPORTED';

export class GeoError extends Error {
  constructor(readonly code: GeoErrorCode) {
    super(code);
    this.name = 'GeoError';
  }
}

const CODES: Record<number, GeoErrorCode> = { 1: 'GEO_DENIED', 2: 'GEO_UNAVAILABLE', 3: 'GEO_TIMEOUT' };

/** One fresh, high-accuracy fix from the browser (the server judges it: time, accuracy, area). */
export function currentPosition(): Promise<PositionFix> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new GeoError('GEO_UNSUPPORTED'));
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: p.coords.accuracy }),
      (e) => reject(new GeoError(CODES[e.code] ?? 'GEO_UNAVAILABLE')),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 },
    );
  });
}
