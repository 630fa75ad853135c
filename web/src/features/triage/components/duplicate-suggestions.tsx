import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/ui/loading-state';
import { QueryError } from '../../../components/ui/query-error';
import { currentLanguage } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { useDuplicates } from '../api/get-duplicates';
import type { DuplicateSuggestion } from '@hy/schemas/triage';
import { StatusBadge } from '../../../shared/components/police-badges';
import styles from '../../../styles/police.module.css';

export function DuplicateSuggestions({ tipId, onPick }: { tipId: string; onPick?: (s: DuplicateSuggestion) => void }) {
  const { t } = useTranslation('police');
  const language = currentLanguage();
  const duplicates = useDuplicates(tipId);
  if (duplicates.isError) return <QueryError error={duplicates.error} onRetry={() => void duplicates.refetch()} />;
  if (!duplicates.data) return <LoadingState />;
  if (duplicates.data.length === 0) return <p>{t('tip.noDuplicates')}</p>;
  return (
    <ul className={styles.suggestions}>
      {duplicates.data.map((s) => (
        <li key={s.id}>
          <div className={styles.row}>
            <Link to={`/police/tips/${s.id}`}>{s.reference}</Link>
            <StatusBadge status={s.status} />
          </div>
          <p>{s.excerpt}</p>
          <p className={styles.historyMeta}>
            {[
              t('tip.similarity', { percent: Math.round(s.similarity * 100) }),
              s.distanceMetres !== null ? t('tip.distance', { metres: s.distanceMetres }) : s.address,
              formatDateTime(s.createdAt, language),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {onPick ? (
            <button type="button" className="btn btn-secondary" onClick={() => onPick(s)}>
              {t('tip.markDuplicateOf', { reference: s.reference })}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
