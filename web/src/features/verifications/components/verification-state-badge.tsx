import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import type { VerificationState } from '@hy/schemas/verifications';
import '../verifications-i18n';
import styles from './verifications.module.css';

/** A tip's latest on-site check, for the queue and the tip page: overdue in solid red, with its due time. */
export function VerificationStateBadge({ verification }: { verification: { state: VerificationState; dueAt: string | null } | null }) {
  const { t } = useTranslation('verifications');
  const language = useLanguage();
  if (!verification) return null;
  const { state, dueAt } = verification;
  return (
    <span>
      <span className={`${styles.badge} ${state === 'overdue' ? styles.overdue : state === 'reported' ? styles.reported : ''}`}>{t(`state.${state}`)}</span>
      {dueAt && state !== 'reported' ? (
        <span className={`${styles.due} ${state === 'overdue' ? styles.dueOverdue : ''}`}>{t('police.due', { time: formatDateTime(dueAt, language) })}</span>
      ) : null}
    </span>
  );
}
