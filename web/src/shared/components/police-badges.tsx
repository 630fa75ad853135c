import { useTranslation } from 'react-i18next';
import type { Priority, TipStatus } from '../types/tip';
import type { CaseStatus } from '../types/case';
import styles from '../../styles/police.module.css';

export function StatusBadge({ status }: { status: TipStatus }) {
  const { t } = useTranslation('police');
  return <span className={`${styles.badge} ${styles[status]}`}>{t(`status.${status}`)}</span>;
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation('police');
  return <span className={`${styles.badge} ${styles[priority] ?? ''}`}>{t(`priority.${priority}`)}</span>;
}

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation('police');
  return <span className={`${styles.badge} ${styles[status]}`}>{t(`caseStatus.${status}`)}</span>;
}
