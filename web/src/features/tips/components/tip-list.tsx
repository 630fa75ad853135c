import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import { useCategoryName } from '../../../shared/hooks/use-category-name';
import type { Tip } from '../../../shared/types/tip';
import styles from './tip-list.module.css';
import { TipStatusBadge } from '../../../shared/components/tip-status-badge';

/** `unread`: new police messages per tip id. */
export function TipList({ tips, unread }: { tips: Tip[]; unread?: ReadonlyMap<string, number> }) {
  const { t } = useTranslation('tips');
  const language = useLanguage();
  const categoryName = useCategoryName();
  return (
    <ul className={styles.list}>
      {tips.map((tip) => (
        <li key={tip.id}>
          <Link className={styles.item} to={`/my-tips/${tip.id}`}>
            <span className={styles.top}>
              <span className={styles.reference}>{tip.reference}</span>
              <TipStatusBadge status={tip.status} />
            </span>
            <span className={styles.category}>{categoryName(tip.category)}</span>
            <span className={styles.excerpt}>{tip.description}</span>
            <span className={styles.meta}>
              <span>{t('list.reportedOn', { date: formatDate(tip.createdAt, language) })}</span>
              {tip.media.length > 0 ? <span>{t('list.photos', { count: tip.media.length })}</span> : null}
              {tip.isAnonymous ? <span>{t('list.anonymous')}</span> : null}
            </span>
            {unread?.get(tip.id) ? (
              <span className={styles.unread}>{t('list.newMessages', { count: unread.get(tip.id) })}</span>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function TipListEmpty() {
  const { t } = useTranslation('tips');
  const { t: tc } = useTranslation();
  return (
    <div className={`card ${styles.empty}`}>
      <p>{t('list.empty')}</p>
      <Link className="btn btn-primary" to="/report">
        {tc('nav.reportTip')}
      </Link>
    </div>
  );
}
