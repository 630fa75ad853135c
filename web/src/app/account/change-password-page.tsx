import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { isPasswordChangeRequired } from '../../features/auth/components/require-auth';
import { safeNextPath, signInPath } from '../../features/auth/next-path';
import { AccountFrame } from '../../layouts/account-frame';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useMe } from '../../shared/api/get-me';
import { deskOf, landingPath } from '../../shared/desks';

/**
 * Change one's own password: forced after signing in with a temporary one (the API allows
 * nothing else until then), or chosen from a desk's header. Other sessions end.
 */
export default function ChangePasswordPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const { isSignedIn } = useSession();
  const me = useMe();
  useDocumentTitle(t('changePassword.title'));
  if (!isSignedIn) return <Navigate to={signInPath('/change-password')} replace />;
  const isTemporary = Boolean(me.data?.mustChangePassword) || isPasswordChangeRequired(me.error);

  return (
    <AccountFrame brandTo={me.data && !isTemporary ? deskOf(me.data) : '/change-password'} title={t('changePassword.title')}>
      {isTemporary ? <Alert tone="info">{t('changePassword.temporaryIntro')}</Alert> : <p className="page-intro">{t('changePassword.intro')}</p>}
      <div className="card">
        <ChangePasswordForm isTemporary={isTemporary} onChanged={(user) => navigate(landingPath(user, next), { replace: true })} />
      </div>
    </AccountFrame>
  );
}
