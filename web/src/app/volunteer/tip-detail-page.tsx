import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { LoadingState } from '../../components/ui/loading-state';
import { QueryError } from '../../components/ui/query-error';
import { RequireAuth } from '../../features/auth/components/require-auth';
import { useTip } from '../../features/tips/api/get-tip';
import { TipDetail } from '../../features/tips/components/tip-detail';
import { TipThread } from '../../features/messages/components/tip-thread';
import { isApiError } from '../../lib/api-error';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function TipDetailPage() {
  const { t } = useTranslation('tips');
  return (
    <RequireAuth>
      <p>
        <Link to="/my-tips" className="link-button">
          ← {t('detail.back')}
        </Link>
      </p>
      <TipDetailLoader />
    </RequireAuth>
  );
}

function TipDetailLoader() {
  const { t } = useTranslation('tips');
  const { tipId = '' } = useParams();
  const query = useTip(tipId);
  useDocumentTitle(query.data?.reference ?? null);
  if (query.data)
    return (
      <>
        <TipDetail tip={query.data} />
        <TipThread tipId={query.data.id} viewer="reporter" />
      </>
    );
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <Alert tone="error">{t('detail.notFound')}</Alert>;
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <LoadingState />;
}
