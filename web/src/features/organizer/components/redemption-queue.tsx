import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { formatDateTime, localizedName } from '../../../lib/format';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useLanguage } from '../../../lib/use-language';
import styles from '../../../styles/points.module.css';
import { useDecideRedemption } from '../api/decide-redemption';
import type { QueuedRedemption } from '@hy/schemas/rewards';

/** Pending redemptions of the organizer's communities: hand over, or reject (which refunds). */
export function RedemptionQueue({ redemptions }: { redemptions: QueuedRedemption[] }) {
  const { t } = useTranslation('points');
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const decide = useDecideRedemption();
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      {notice ? (
        <Alert tone="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      {decide.error ? (
        <Alert tone="error">
          <p>{errorMessage(decide.error)}</p>
        </Alert>
      ) : null}
      {redemptions.length === 0 ? (
        <p>{t('organizer.queueEmpty')}</p>
      ) : (
        <ul className={styles.list}>
          {redemptions.map((r) => {
            const reward = localizedName(r.reward, language);
            const run = (decision: 'fulfil' | 'reject') => {
              setNotice(null);
              decide.mutate(
                { id: r.id, decision },
                { onSuccess: () => setNotice(t(decision === 'fulfil' ? 'organizer.fulfilled' : 'organizer.rejected')), onSettled: () => setRejecting(null) },
              );
            };
            return (
              <li key={r.id} className={styles.row} style={{ flexWrap: 'wrap' }}>
                <div className={styles.rowMain}>
                  <p className={styles.rowTitle}>
                    {reward} · {t('rewards.cost', { cost: r.cost })}
                  </p>
                  <p className={styles.rowMeta}>
                    {t('organizer.requestedBy', { name: r.volunteer.displayName, community: r.community ? localizedName(r.community, language) : '—' })} ·{' '}
                    <time dateTime={r.createdAt}>{formatDateTime(r.createdAt, language)}</time>
                  </p>
                </div>
                {rejecting === r.id ? (
                  <div className={styles.confirm} role="group" aria-label={t('organizer.rejectConfirm', { cost: r.cost })}>
                    <p style={{ margin: '0 0 8px' }}>{t('organizer.rejectConfirm', { cost: r.cost })}</p>
                    <div className={styles.actions}>
                      <button type="button" className="btn btn-secondary" onClick={() => setRejecting(null)}>
                        {t('rewards.cancel')}
                      </button>
                      <button type="button" className="btn btn-primary" disabled={decide.isPending} onClick={() => run('reject')}>
                        {t('organizer.reject')}
                      </button>
                    </div>
                  </div>
                ) : (
                  <div className={`${styles.actions} ${styles.noShrink}`}>
                    <button
                      type="button"
                      className="btn btn-primary"
                      disabled={decide.isPending}
                      aria-label={`${t('organizer.fulfil')}: ${reward}, ${r.volunteer.displayName}`}
                      onClick={() => run('fulfil')}
                    >
                      {t('organizer.fulfil')}
                    </button>
                    <button type="button" className="btn btn-secondary" disabled={decide.isPending} onClick={() => setRejecting(r.id)}>
                      {t('organizer.reject')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
