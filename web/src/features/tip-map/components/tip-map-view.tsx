import { useEffect, useRef, useState } from 'react';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import { createBaseMap, L } from '../../../shared/map/base-map';
import { fromScreen, toScreen } from '../../../shared/map/datum';
import type { MapConfig } from '../../../shared/map/get-map-config';
import type { TipStatus } from '../../../shared/types/tip';
import type { MapTips } from '@hy/schemas/tip-map';
import { useMapTips, type Bbox, type MapFilters } from '../api/get-map-tips';
import styles from './tip-map.module.css';

/** Where the map asks for tips: Hengyang with a margin (the API answers boxes of at most 4°). */
const AREA: Bbox = [111.3, 25.9, 113.5, 27.8];

const round = (v: number) => Math.round(v * 10_000) / 10_000;

/** The WGS-84 box of what is on screen, cut to the city's area; null when the view is elsewhere. */
function viewBox(map: L.Map, crs: MapConfig['crs']): Bbox | null {
  const bounds = map.getBounds();
  const sw = fromScreen({ lat: bounds.getSouth(), lng: bounds.getWest() }, crs);
  const ne = fromScreen({ lat: bounds.getNorth(), lng: bounds.getEast() }, crs);
  const box: Bbox = [Math.max(sw.lng, AREA[0]), Math.max(sw.lat, AREA[1]), Math.min(ne.lng, AREA[2]), Math.min(ne.lat, AREA[3])];
  return box[0] < box[2] && box[1] < box[3] ? (box.map(round) as Bbox) : null;
}

export type TipMapText = {
  category: (id: string) => string;
  status: (status: TipStatus) => string;
  open: string;
  cell: (count: number) => string;
};

type Props = {
  config: MapConfig;
  filters: MapFilters;
  text: TipMapText;
  onOpenTip: (id: string) => void;
  onData: (data: MapTips | undefined, state: { isFetching: boolean; error: unknown }) => void;
};

/**
 * The police tip map: Leaflet on the configured tiles, the jurisdiction's tips clustered
 * (leaflet.markercluster), or the API's grid of counts when a view holds more than it draws one
 * by one. A tip opens a popup with a link to it. Loaded lazily with its page.
 */
export function TipMapView({ config, filters, text, onOpenTip, onData }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layers = useRef<{ tips: L.MarkerClusterGroup; cells: L.LayerGroup } | null>(null);
  const hasFitted = useRef(false);
  // Tips are kept by id between answers: panning adds and removes markers instead of redrawing
  // them all, so an open popup survives the refetch its own auto-pan causes.
  const drawnTips = useRef(new Map<string, L.Marker>());
  const [bbox, setBbox] = useState<Bbox | null>(null);
  const tips = useMapTips(bbox, filters);
  const latest = useRef({ text, onOpenTip, onData });
  latest.current = { text, onOpenTip, onData };

  useEffect(() => {
    if (!element.current) return;
    const map = createBaseMap(element.current, config, { zoom: 9 });
    const clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50, chunkedLoading: true });
    const cells = L.layerGroup();
    clusters.addTo(map);
    cells.addTo(map);
    mapRef.current = map;
    layers.current = { tips: clusters, cells };
    const update = () => setBbox(viewBox(map, config.crs));
    map.on('moveend', update);
    update();
    const drawn = drawnTips.current;
    return () => {
      map.remove();
      drawn.clear();
      mapRef.current = null;
      layers.current = null;
    };
  }, [config]);

  useEffect(() => {
    latest.current.onData(tips.data, { isFetching: tips.isFetching, error: tips.error });
  }, [tips.data, tips.isFetching, tips.error]);

  useEffect(() => {
    const map = mapRef.current;
    const group = layers.current;
    if (!map || !group || !tips.data) return;
    group.cells.clearLayers();
    const { text: words, onOpenTip: open } = latest.current;
    const positions: L.LatLng[] = [];
    const wanted = new Set<string>();
    const added: L.Marker[] = [];
    for (const feature of tips.data.features) {
      const [lng, lat] = feature.geometry.coordinates;
      const at = toScreen({ lat, lng }, config.crs);
      const position = L.latLng(at.lat, at.lng);
      positions.push(position);
      if (feature.properties.kind === 'cell') {
        const { count, bbox: cell } = feature.properties;
        const marker = L.marker(position, {
          title: words.cell(count),
          icon: L.divIcon({ className: styles.cell, html: `<span>${count}</span>`, iconSize: [40, 40] }),
          keyboard: true,
        });
        marker.on('click', () => {
          const sw = toScreen({ lat: cell[1], lng: cell[0] }, config.crs);
          const ne = toScreen({ lat: cell[3], lng: cell[2] }, config.crs);
          map.fitBounds([
            [sw.lat, sw.lng],
            [ne.lat, ne.lng],
          ]);
        });
        group.cells.addLayer(marker);
        continue;
      }
      const tip = feature.properties;
      wanted.add(tip.id);
      if (drawnTips.current.has(tip.id)) continue;
      const marker = L.marker(position, {
        title: tip.reference,
        icon: L.divIcon({ className: `${styles.tip} ${styles[tip.status] ?? ''}`, iconSize: [18, 18] }),
        keyboard: true,
      });
      marker.bindPopup(() => popup(tip, words, open));
      drawnTips.current.set(tip.id, marker);
      added.push(marker);
    }
    const gone: L.Marker[] = [];
    for (const [id, marker] of drawnTips.current) {
      if (wanted.has(id)) continue;
      gone.push(marker);
      drawnTips.current.delete(id);
    }
    group.tips.removeLayers(gone);
    group.tips.addLayers(added);
    // The first answer shows the jurisdiction: fit the view to it once.
    if (!hasFitted.current && positions.length > 0) {
      hasFitted.current = true;
      map.fitBounds(L.latLngBounds(positions), { padding: [24, 24], maxZoom: 15 });
    }
  }, [tips.data, config.crs]);

  return <div ref={element} className={styles.map} data-testid="tip-map" />;
}

/** Built as DOM, not HTML: a reference is never parsed as markup. */
function popup(tip: { id: string; reference: string; category: string; status: TipStatus }, text: TipMapText, open: (id: string) => void): HTMLElement {
  const box = document.createElement('div');
  box.className = styles.popup;
  const link = document.createElement('a');
  link.href = `/police/tips/${tip.id}`;
  link.textContent = tip.reference;
  link.setAttribute('aria-label', `${text.open} ${tip.reference}`);
  link.addEventListener('click', (e) => {
    e.preventDefault();
    open(tip.id);
  });
  const details = document.createElement('div');
  details.textContent = `${text.category(tip.category)} · ${text.status(tip.status)}`;
  box.append(link, details);
  return box;
}
