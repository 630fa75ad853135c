import { useTranslation } from 'react-i18next';
import '../verifications-i18n';
import styles from './verifications.module.css';

/**
 * Links that open the place in a map app: Amap's marker page (it converts WGS-84 itself with
 * `coordinate=wgs84`, and hands over to the Amap app on a phone) and a plain `geo:` URI for any
 * other map app. No tiles are loaded by the page.
 */
export function TaskPlace({ lat, lng, address }: { lat: number | null; lng: number | null; address: string | null }) {
  const { t } = useTranslation('verifications');
  if (lat === null || lng === null) return <p>{address ?? t('task.noPlace')}</p>;
  const name = encodeURIComponent(address ?? `${lat.toFixed(5)}, ${lng.toFixed(5)}`);
  const amap = `https://uri.amap.com/marker?position=${lng},${lat}&name=${name}&coordinate=wgs84&callnative=1`;
  const geo = `geo:${lat},${lng}?q=${lat},${lng}`;
  return (
    <div>
      {address ? <p>{address}</p> : null}
      <p className="coords">
        {lat.toFixed(5)}, {lng.toFixed(5)}
      </p>
      <div className={styles.links}>
        <a href={amap} target="_blank" rel="noopener noreferrer">
          {t('task.amap')}
        </a>
        <a href={geo}>{t('task.geo')}</a>
      </div>
    </div>
  );
}
