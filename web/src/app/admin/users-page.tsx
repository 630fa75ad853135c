import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryFallback } from '../../components/ui/query-fallback';
import { UsersList } from '../../features/accounts/components/users-list';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useMe } from '../../shared/api/get-me';
import styles from '../../styles/police.module.css';

export default function UsersPage() {
  const { t } = useTranslation('admin');
  const me = useMe();
  useDocumentTitle(t('users.title'));
  if (!me.data) return <QueryFallback query={me} />;
  return (
    <>
      <div className={styles.toolbar}>
        <h1>{t('users.title')}</h1>
        <Link to="/admin/users/new" className={`btn btn-primary ${styles.toolbarEnd}`}>
          {t('nav.newUser')}
        </Link>
      </div>
      <p className="page-intro">{me.data.role === 'admin' ? t('users.intro') : t('users.introSupervisor')}</p>
      <UsersList manager={me.data} />
    </>
  );
}
