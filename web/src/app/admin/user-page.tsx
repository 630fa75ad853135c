import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryFallback } from '../../components/ui/query-fallback';
import { useUser } from '../../features/accounts/api/get-user';
import { UserDetail } from '../../features/accounts/components/user-detail';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useMe } from '../../shared/api/get-me';

export default function UserPage() {
  const { t } = useTranslation('admin');
  const { userId = '' } = useParams();
  const me = useMe();
  const user = useUser(userId);
  useDocumentTitle(user.data?.displayName ?? null);
  return (
    <>
      <p>
        <Link to="/admin" className="touch-link">
          ← {t('detail.back')}
        </Link>
      </p>
      {user.data && me.data ? (
        <>
          <h1 className="page-title">{user.data.displayName}</h1>
          <UserDetail user={user.data} manager={me.data} />
        </>
      ) : (
        <QueryFallback query={user.data ? me : user} />
      )}
    </>
  );
}
