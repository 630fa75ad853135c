import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/ui/loading-state';
import { QueryError } from '../../../components/ui/query-error';
import { Alert } from '../../../components/ui/alert';
import { formatDateTime } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import { useCategoryName } from '../../../shared/hooks/use-category-name';
import { useVerification } from '../api/get-verification';
import '../verifications-i18n';
import { ReportForm } from './report-form';
import { TaskPlace } from './task-place';
import { VerificationPhotos } from './verification-photos';
import { VerificationStateBadge } from './verification-state-badge';
import styles from './verifications.module.css';

/** One task for the auxiliary: what the police ask, what was reported and where; then the report form or the report. */
export function TaskDetail({ taskId, onReported }: { taskId: string; onReported: () => void }) {
  const { t } = useTranslation('verifications');
  const language = useLanguage();
  const categoryName = useCategoryName();
  const task = useVerification(taskId);
  if (task.isError) return <QueryError error={task.error} onRetry={() => void task.refetch()} />;
  if (!task.data) return <LoadingState />;
  const v = task.data;
  return (
    <>
      <div className={styles.taskHead}>
        <h1 className="page-title">{v.tip ? categoryName(v.tip.category) : '—'}</h1>
        <VerificationStateBadge verification={{ state: v.state, dueAt: v.status === 'open' ? v.dueAt : null }} />
      </div>
      <section className="card" aria-labelledby="task-note">
        <h2 id="task-note">{t('task.policeNote')}</h2>
        <p className={styles.description}>{v.note}</p>
      </section>
      {v.tip ? (
        <section className="card" aria-labelledby="task-what">
          <h2 id="task-what">{t('task.what')}</h2>
          <p className={styles.description}>{v.tip.description}</p>
          <dl>
            <dt>{t('task.when')}</dt>
            <dd>{formatDateTime(v.tip.occurredAt, language)}</dd>
          </dl>
          <h3>{t('task.where')}</h3>
          <TaskPlace lat={v.tip.lat} lng={v.tip.lng} address={v.tip.address} />
          <h3>{t('task.photos')}</h3>
          {v.tip.photos.length ? <VerificationPhotos photos={v.tip.photos} altOf={(n) => t('task.photoAlt', { n })} /> : <p>{t('task.noPhotos')}</p>}
        </section>
      ) : null}
      {v.report ? (
        <section className="card" aria-labelledby="task-report">
          <h2 id="task-report">{t('report.yours')}</h2>
          <Alert tone="success">{t('report.done')}</Alert>
          <p>
            <strong>{t(`finding.${v.report.finding}`)}</strong> · {t('report.at', { time: formatDateTime(v.report.reportedAt, language) })}
          </p>
          <p className={styles.description}>{v.report.note}</p>
          <VerificationPhotos photos={v.report.photos} altOf={(n) => t('police.photoAlt', { n })} />
        </section>
      ) : (
        <ReportForm taskId={v.id} onReported={onReported} />
      )}
    </>
  );
}
