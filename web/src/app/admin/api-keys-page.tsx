import { useTranslation } from 'react-i18next';
import { QueryFallback } from '../../components/ui/query-fallback';
import { ApiKeysPanel } from '../../features/accounts/components/api-keys-panel';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useMe } from '../../shared/api/get-me';

/** /admin/api-keys: integrators' Open311 keys, for admins only (docs/integration.md). */
export default function ApiKeysPage() {
  const { t } = useTranslation('admin');
  const me = useMe();
  useDocumentTitle(t('apiKeys.title'));
  if (!me.data) return <QueryFallback query={me} />;
  return (
    <>
      <h1 className="page-title">{t('apiKeys.title')}</h1>
      {me.data.role === 'admin' ? <ApiKeysPanel /> : <p className="card">{t('errors.forbidden')}</p>}
    </>
  );
}
