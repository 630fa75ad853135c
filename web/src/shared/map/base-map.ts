import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { MapConfig } from './get-map-config';
import { toScreen, type LatLng } from './datum';

/** Hengyang's centre, for a map that has nothing to fit yet. */
export const HENGYANG_CENTRE: LatLng = { lat: 26.9, lng: 112.6 };

/**
 * A Leaflet map on the configured tiles. Imported only by lazily loaded components, so Leaflet
 * (≈45 KB gzipped with its CSS) is fetched by the pages with a map and no other.
 */
export function createBaseMap(element: HTMLElement, config: MapConfig, view: { centre?: LatLng; zoom: number }): L.Map {
  const centre = toScreen(view.centre ?? HENGYANG_CENTRE, config.crs);
  const map = L.map(element, { center: [centre.lat, centre.lng], zoom: view.zoom, minZoom: 7, maxZoom: config.maxZoom });
  // Leaflet's credit without the flag it adds by default.
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  L.tileLayer(config.tileUrl, { attribution: escapeHtml(config.attribution), maxZoom: config.maxZoom, crossOrigin: false }).addTo(map);
  return map;
}

/** Leaflet puts the attribution in as HTML: the configured text is shown as text. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export { L };
