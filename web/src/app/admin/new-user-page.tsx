import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { QueryFallback } from '../../components/ui/query-fallback';
import type { CreatedUser } from '../../features/accounts/api/create-user';
import { NewUserForm } from '../../features/accounts/components/new-user-form';
import { TemporaryPassword } from '../../features/accounts/components/temporary-password';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useMe } from '../../shared/api/get-me';

/** New user: the form, then — once — the temporary password to hand over. */
export default function NewUserPage() {
  const { t } = useTranslation('admin');
  const me = useMe();
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const [formKey, setFormKey] = useState(0);
  useDocumentTitle(t('form.title'));
  if (!me.data) return <QueryFallback query={me} />;
  return (
    <div style={{ maxWidth: '40rem' }}>
      <h1 className="page-title">{t('form.title')}</h1>
      {created ? (
        <Alert tone="success">
          <h2>{t('created.title')}</h2>
          <p>{t('created.body', { name: created.user.displayName })}</p>
          <TemporaryPassword value={created.temporaryPassword} />
          <p>
            <Link to={`/admin/users/${created.user.id}`} className="touch-link">
              {t('created.open')}
            </Link>
          </p>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => {
              setCreated(null);
              setFormKey((k) => k + 1);
            }}
          >
            {t('created.another')}
          </button>
        </Alert>
      ) : (
        <>
          <p className="page-intro">{me.data.role === 'admin' ? t('form.intro') : t('form.introSupervisor')}</p>
          <div className="card">
            <NewUserForm key={formKey} manager={me.data} onCreated={setCreated} />
          </div>
        </>
      )}
    </div>
  );
}
