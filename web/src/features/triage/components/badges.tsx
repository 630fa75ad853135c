import { useTranslation } from 'react-i18next';
import type { TipStatus } from '../../tips/api/types';
import type { Priority } from '../api/types';
import type { CaseStatus } from '../../cases/api/types';
import styles from './police.module.css';

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
