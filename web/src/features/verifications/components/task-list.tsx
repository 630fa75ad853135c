import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { LoadingState } from '../../../components/ui/loading-state';
import { QueryError } from '../../../components/ui/query-error';
import { formatDateTime } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import { useCategoryName } from '../../../shared/hooks/use-category-name';
import { useMyVerifications, type TaskStatus } from '../api/get-my-verifications';
import type { VerificationTask } from '@hy/schemas/verifications';
import '../verifications-i18n';
import { VerificationStateBadge } from './verification-state-badge';
import styles from './verifications.module.css';

function TaskCard({ task, taskPath }: { task: VerificationTask; taskPath: (id: string) => string }) {
  const { t } = useTranslation('verifications');
  const language = useLanguage();
  const categoryName = useCategoryName();
  return (
    <li className={`${styles.task} ${task.state === 'overdue' ? styles.taskOverdue : ''}`}>
      <div className={styles.taskHead}>
        <strong>{task.tip ? categoryName(task.tip.category) : '—'}</strong>
        <VerificationStateBadge verification={{ state: task.state, dueAt: task.status === 'open' ? task.dueAt : null }} />
      </div>
      {task.tip ? <p className={styles.description}>{task.tip.description}</p> : null}
      <p>
        {task.tip?.address ?? ''}
        {task.tip?.photos.length ? ` · ${t('desk.photoCount', { count: task.tip.photos.length })}` : ''}
      </p>
      {task.report ? (
        <p>
          <strong>{t(`finding.${task.report.finding}`)}</strong> · {t('report.at', { time: formatDateTime(task.report.reportedAt, language) })}
        </p>
      ) : null}
      <Link className="btn btn-primary" to={taskPath(task.id)}>
        {t('desk.openTask')}
      </Link>
    </li>
  );
}

/** The auxiliary's tasks of one status, soonest due (or newest reported) first, page by page. */
export function TaskList({ status, taskPath }: { status: TaskStatus; taskPath: (id: string) => string }) {
  const { t } = useTranslation('verifications');
  const tasks = useMyVerifications(status);
  if (tasks.isError) return <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  if (!tasks.data) return <LoadingState />;
  const rows = tasks.data.pages.flatMap((p) => p.verifications);
  if (rows.length === 0) return <Alert tone="info">{t(status === 'open' ? 'desk.emptyOpen' : 'desk.emptyReported')}</Alert>;
  return (
    <>
      <ul className={styles.taskList}>
        {rows.map((task) => (
          <TaskCard key={task.id} task={task} taskPath={taskPath} />
        ))}
      </ul>
      {tasks.hasNextPage ? (
        <button type="button" className="btn btn-secondary" onClick={() => void tasks.fetchNextPage()} disabled={tasks.isFetchingNextPage}>
          {t('desk.more')}
        </button>
      ) : null}
    </>
  );
}
