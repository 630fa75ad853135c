import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { formatDateTime, localizedName } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import styles from '../../../styles/points.module.css';
import type { ManagedCommunity } from '@hy/schemas/organizer';
import type { ManagedReward } from '@hy/schemas/rewards';
import css from './organizer.module.css';
import { RewardForm } from './reward-form';

type Editing = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; id: string };

/** The rewards an organizer manages: their communities' (editable) and the city-wide ones (read only). */
export function RewardCatalogue({ rewards, communities }: { rewards: ManagedReward[]; communities: ManagedCommunity[] }) {
  const { t } = useTranslation('points');
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // The form that had the focus is gone: keyboard and screen-reader users continue from the outcome.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const open = (next: Editing) => {
    setNotice(null);
    setEditing(next);
  };
  const done = (message: string) => {
    setNotice(message);
    setEditing({ kind: 'none' });
  };
  const close = () => setEditing({ kind: 'none' });

  return (
    <>
      <div className={css.toolbar}>
        <p className={styles.rowMeta}>{t('catalogue.hint')}</p>
        {editing.kind !== 'create' && communities.length > 0 ? (
          <button type="button" className="btn btn-primary" onClick={() => open({ kind: 'create' })}>
            {t('catalogue.new')}
          </button>
        ) : null}
      </div>
      {notice ? (
        <div ref={noticeRef} tabIndex={-1}>
          <Alert tone="success">
            <p>{notice}</p>
          </Alert>
        </div>
      ) : null}
      {editing.kind === 'create' ? <RewardForm mode="create" communities={communities} onDone={done} onCancel={close} /> : null}
      {rewards.length === 0 ? (
        <p>{t('catalogue.empty')}</p>
      ) : (
        <ul className={styles.list} aria-label={t('catalogue.title')}>
          {rewards.map((r) =>
            editing.kind === 'edit' && editing.id === r.id ? (
              <li key={r.id} className={css.editingRow}>
                <RewardForm mode="edit" reward={r} onDone={done} onCancel={close} />
              </li>
            ) : (
              <RewardRow key={r.id} reward={r} communities={communities} onEdit={() => open({ kind: 'edit', id: r.id })} />
            ),
          )}
        </ul>
      )}
    </>
  );
}

function RewardRow({ reward, communities, onEdit }: { reward: ManagedReward; communities: ManagedCommunity[]; onEdit: () => void }) {
  const { t } = useTranslation('points');
  const language = useLanguage();
  const name = localizedName(reward, language);
  const community = communities.find((c) => c.id === reward.communityId);
  const status = !reward.isActive ? 'inactive' : reward.isOffered ? 'offered' : 'outsideWindow';
  return (
    <li className={styles.row}>
      <div className={styles.rowMain}>
        <p className={styles.rowTitle}>
          {name} <span className={`${css.badge} ${css[`badge-${status}`]}`}>{t(`catalogue.status.${status}`)}</span>
        </p>
        <p className={styles.rowMeta}>
          {t('rewards.cost', { cost: reward.cost })} · {t('catalogue.stock', { stock: reward.stock })} ·{' '}
          {reward.communityId === null ? t('catalogue.cityWide') : community ? localizedName(community, language) : '—'}
        </p>
        {reward.activeFrom || reward.activeUntil ? (
          <p className={styles.rowMeta}>
            {reward.activeFrom ? t('catalogue.from', { date: formatDateTime(reward.activeFrom, language) }) : null}
            {reward.activeFrom && reward.activeUntil ? ' · ' : null}
            {reward.activeUntil ? t('catalogue.until', { date: formatDateTime(reward.activeUntil, language) }) : null}
          </p>
        ) : null}
      </div>
      {reward.canEdit ? (
        <button type="button" className={`btn btn-secondary ${styles.noShrink}`} aria-label={t('catalogue.editLabel', { name })} onClick={onEdit}>
          {t('catalogue.edit')}
        </button>
      ) : (
        <span className={`${styles.rowMeta} ${styles.noShrink}`}>{t('catalogue.readOnly')}</span>
      )}
    </li>
  );
}
