import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { TaskDetail } from '../../features/verifications/components/task-detail';
import '../../features/verifications/verifications-i18n';
import { DeskLayout } from '../../layouts/desk-layout';
import { useDocumentTitle } from '../../lib/use-document-title';

/** One on-site check for the auxiliary: the task, then the report (back to the reported list after). */
export default function VerifyTaskPage() {
  const { taskId = '' } = useParams();
  const { t } = useTranslation('verifications');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('desk.title'));
  return (
    <DeskLayout area="verify" title={tc('verify.area')}>
      <div style={{ maxWidth: '40rem' }}>
        <p>
          <Link to="/verify">{t('task.back')}</Link>
        </p>
        <TaskDetail key={taskId} taskId={taskId} onReported={() => navigate(`/verify/tasks/${taskId}`, { replace: true })} />
        <Alert tone="warning">{tc('verify.emergency')}</Alert>
      </div>
    </DeskLayout>
  );
}
