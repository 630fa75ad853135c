import { useTranslation } from 'react-i18next';
import styles from '../../../styles/police.module.css';

/**
 * Coordinates with a link to OpenStreetMap and a small static marker: no map tiles, so the page
 * makes no request to another site when it loads.
 */
export function TipLocation({ lat, lng, address }: { lat: number | null; lng: number | null; address: string | null }) {
  const { t } = useTranslation('police');
  if (lat === null || lng === null)
    return (
      <p>
        {address ?? '—'} <span className={styles.historyMeta}>({t('tip.noLocation')})</span>
      </p>
    );
  const osm = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`;
  return (
    <div className={styles.map}>
      <svg width="96" height="72" viewBox="0 0 96 72" aria-hidden="true">
        <rect width="96" height="72" fill="#eef1f5" />
        <path d="M0 46 L96 30 M30 0 L40 72 M70 0 L62 72" stroke="#c4ccd8" strokeWidth="5" fill="none" />
        <path d="M48 14c-7 0-12 5-12 12 0 9 12 22 12 22s12-13 12-22c0-7-5-12-12-12z" fill="#b3261e" />
        <circle cx="48" cy="26" r="4.5" fill="#fff" />
      </svg>
      <div>
        {address ? <p className={styles.description}>{address}</p> : null}
        <p className="coords">
          {lat.toFixed(5)}, {lng.toFixed(5)}
        </p>
        <a href={osm} target="_blank" rel="noopener noreferrer">
          {t('tip.openMap')}
        </a>
      </div>
    </div>
  );
}
