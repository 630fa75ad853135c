import '../../features/audit/audit-i18n';
import { useTranslation } from 'react-i18next';
import { QueryFallback } from '../../components/ui/query-fallback';
import { AuditLog } from '../../features/audit/components/audit-log';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useMe } from '../../shared/api/get-me';

/** /admin/audit: the city's log for admins, their district's for supervisors (the API scopes it). */
export default function AuditPage() {
  const { t } = useTranslation('audit');
  const me = useMe();
  useDocumentTitle(t('title'));
  if (!me.data) return <QueryFallback query={me} />;
  return (
    <>
      <h1 className="page-title">{t('title')}</h1>
      {me.data.role === 'admin' || me.data.role === 'supervisor' ? <AuditLog isCityWide={me.data.role === 'admin'} /> : <p className="card">{t('notAllowed')}</p>}
    </>
  );
}
