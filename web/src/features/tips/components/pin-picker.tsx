import { useEffect, useRef } from 'react';
import { createBaseMap, L } from '../../../shared/map/base-map';
import { fromScreen, toScreen, type LatLng } from '../../../shared/map/datum';
import type { MapConfig } from '../../../shared/map/get-map-config';
import styles from './pin-picker.module.css';

type Props = {
  config: MapConfig;
  /** The pin as it is (WGS-84), or null before one is placed. */
  pin: LatLng | null;
  /** Called with the new WGS-84 position when the volunteer taps the map or drags the pin. */
  onPlace: (point: LatLng) => void;
  label: string;
};

// Leaflet positions the icon element with a transform of its own: the drawn pin is a child.
const pinIcon = () => L.divIcon({ className: styles.pinIcon, html: `<span class="${styles.pin}"></span>`, iconSize: [28, 34], iconAnchor: [14, 31] });

/**
 * A map to place the tip's pin: tap to put it, drag to move it. Loaded only when the volunteer
 * opens it, so the report form itself stays light.
 */
export function PinPicker({ config, pin, onPlace, label }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const markerRef = useRef<L.Marker | null>(null);
  const place = useRef(onPlace);
  place.current = onPlace;
  const initial = useRef(pin);

  useEffect(() => {
    if (!element.current) return;
    const start = initial.current;
    const map = createBaseMap(element.current, config, { centre: start ?? undefined, zoom: start ? 16 : 12 });
    mapRef.current = map;
    const report = (at: L.LatLng) => {
      const point = fromScreen({ lat: at.lat, lng: at.lng }, config.crs);
      place.current({ lat: Number(point.lat.toFixed(6)), lng: Number(point.lng.toFixed(6)) });
    };
    map.on('click', (e: L.LeafletMouseEvent) => report(e.latlng));
    return () => {
      map.remove();
      mapRef.current = null;
      markerRef.current = null;
    };
  }, [config]);

  // The pin follows the form's coordinates (a tap, a drag, "Use my location", "Remove coordinates").
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!pin) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    const at = toScreen(pin, config.crs);
    if (!markerRef.current) {
      const marker = L.marker([at.lat, at.lng], { draggable: true, icon: pinIcon(), title: label, autoPan: true, keyboard: true }).addTo(map);
      marker.on('dragend', () => {
        const moved = marker.getLatLng();
        const point = fromScreen({ lat: moved.lat, lng: moved.lng }, config.crs);
        place.current({ lat: Number(point.lat.toFixed(6)), lng: Number(point.lng.toFixed(6)) });
      });
      markerRef.current = marker;
      if (!map.getBounds().contains([at.lat, at.lng])) map.setView([at.lat, at.lng], Math.max(map.getZoom(), 15));
    } else {
      markerRef.current.setLatLng([at.lat, at.lng]);
    }
  }, [pin, config.crs, label]);

  return <div ref={element} className={styles.map} data-testid="pin-map" />;
}
