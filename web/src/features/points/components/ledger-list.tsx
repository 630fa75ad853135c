import { useTranslation } from 'react-i18next';
import { formatDateTime, localizedName } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import type { LedgerEntry } from '@hy/schemas/points';
import { Delta } from './delta';
import styles from '../../../styles/points.module.css';

/** What the entry was for: the tip or case reference, the reward, or the adjustment's reason. */
function useEntryDetail() {
  const { t } = useTranslation('points');
  const language = useLanguage();
  return (e: LedgerEntry): string | null => {
    if (e.redemption?.reward) return localizedName(e.redemption.reward, language);
    if (e.case) return t('points.forCase', { reference: e.case.reference });
    if (e.campaign) return t('points.forCampaign', { title: e.campaign.title });
    if (e.tip) return t('points.forTip', { reference: e.tip.reference });
    return e.note;
  };
}

export function LedgerList({ entries }: { entries: LedgerEntry[] }) {
  const { t } = useTranslation('points');
  const language = useLanguage();
  const detail = useEntryDetail();
  return (
    <ul className={styles.list}>
      {entries.map((e) => {
        const about = detail(e);
        return (
          <li key={e.id} className={styles.row}>
            <div className={styles.rowMain}>
              <p className={styles.rowTitle}>{t(`points.reasons.${e.reason}`)}</p>
              <p className={styles.rowMeta}>
                {about ? `${about} · ` : ''}
                <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, language)}</time>
              </p>
            </div>
            <Delta value={e.delta} />
          </li>
        );
      })}
    </ul>
  );
}
