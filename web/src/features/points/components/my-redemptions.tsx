import { useTranslation } from 'react-i18next';
import { formatDateTime, localizedName } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import type { Redemption } from '@hy/schemas/rewards';
import { Delta } from './delta';
import styles from '../../../styles/points.module.css';

export function MyRedemptions({ redemptions }: { redemptions: Redemption[] }) {
  const { t } = useTranslation('points');
  const language = useLanguage();
  if (redemptions.length === 0) return <p>{t('rewards.mineEmpty')}</p>;
  return (
    <ul className={styles.list}>
      {redemptions.map((r) => (
        <li key={r.id} className={styles.row}>
          <div className={styles.rowMain}>
            <p className={styles.rowTitle}>{localizedName(r.reward, language)}</p>
            <p className={styles.rowMeta}>
              <time dateTime={r.createdAt}>{formatDateTime(r.createdAt, language)}</time>
              {r.note ? ` · ${r.note}` : ''}
            </p>
            <span className={`${styles.status} ${styles[`status-${r.status}`]}`}>{t(`rewards.status.${r.status}`)}</span>
          </div>
          <Delta value={r.status === 'rejected' ? 0 : -r.cost} />
        </li>
      ))}
    </ul>
  );
}
