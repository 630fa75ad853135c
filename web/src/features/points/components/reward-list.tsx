import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { isApiError } from '../../../lib/api-error';
import { formatDate, localizedName } from '../../../lib/format';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useLanguage } from '../../../lib/use-language';
import { useRedeemReward } from '../api/redeem-reward';
import type { Reward } from '@hy/schemas/rewards';
import styles from '../../../styles/points.module.css';

/** The catalogue: each reward redeems only after a confirm step that shows the balance afterwards. */
export function RewardList({ rewards, balance }: { rewards: Reward[]; balance: number }) {
  const { t } = useTranslation('points');
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const redeem = useRedeemReward();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const failure = (() => {
    if (!redeem.error) return null;
    const reason = isApiError(redeem.error) ? (redeem.error.details as { reason?: string } | null)?.reason : undefined;
    if (reason === 'out_of_stock') return t('rewards.outOfStock');
    return errorMessage(redeem.error);
  })();

  return (
    <>
      {done ? (
        <Alert tone="success">
          <p>{t('rewards.redeemed', { name: done })}</p>
        </Alert>
      ) : null}
      {failure ? (
        <Alert tone="error">
          <p>{failure}</p>
        </Alert>
      ) : null}
      <ul className={`${styles.list} stack`}>
        {rewards.map((r) => {
          const name = localizedName(r, language);
          const description = language === 'en' ? r.descriptionEn : r.descriptionZh;
          const missing = r.cost - balance;
          return (
            <li key={r.id} className={`card ${styles.reward}`}>
              <div className={styles.rewardHead}>
                <h3 className={styles.rewardName}>{name}</h3>
                <span className={styles.cost}>{t('rewards.cost', { cost: r.cost })}</span>
              </div>
              {description ? <p className={styles.rowMeta}>{description}</p> : null}
              <p className={styles.rowMeta}>
                {r.stock > 0 ? t('rewards.stock', { stock: r.stock }) : t('rewards.outOfStock')}
                {r.activeUntil ? ` · ${t('rewards.until', { date: formatDate(r.activeUntil, language) })}` : ''}
              </p>
              {confirming === r.id ? (
                <ConfirmRedeem
                  name={name}
                  cost={r.cost}
                  after={balance - r.cost}
                  isPending={redeem.isPending}
                  onCancel={() => setConfirming(null)}
                  onConfirm={() => {
                    setDone(null);
                    redeem.mutate(r.id, {
                      onSuccess: () => setDone(name),
                      onSettled: () => setConfirming(null),
                    });
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="btn btn-primary btn-block"
                  disabled={r.stock <= 0 || missing > 0 || redeem.isPending}
                  aria-label={`${t('rewards.redeem')} ${name}`}
                  onClick={() => {
                    redeem.reset();
                    setDone(null);
                    setConfirming(r.id);
                  }}
                >
                  {r.stock <= 0 ? t('rewards.outOfStock') : missing > 0 ? t('rewards.needMore', { missing }) : t('rewards.redeem')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function ConfirmRedeem(props: { name: string; cost: number; after: number; isPending: boolean; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation('points');
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <div className={styles.confirm} role="group" aria-labelledby="confirm-title">
      <h3 id="confirm-title">{t('rewards.confirmTitle', { name: props.name })}</h3>
      <p>{t('rewards.confirmBody', { cost: props.cost, after: props.after })}</p>
      <div className={styles.actions}>
        <button type="button" className="btn btn-secondary" onClick={props.onCancel} disabled={props.isPending}>
          {t('rewards.cancel')}
        </button>
        <button type="button" ref={confirmRef} className="btn btn-primary" onClick={props.onConfirm} disabled={props.isPending}>
          {t('rewards.confirm')}
        </button>
      </div>
    </div>
  );
}
