import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { safeNextPath } from '../../features/auth/next-path';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSession } from '../../lib/session';
import { useMe } from '../../shared/api/get-me';
import { CHANGE_PASSWORD_PATH, landingPath } from '../../shared/desks';
import { LoadingState } from '../../components/ui/loading-state';
import { isPasswordChangeRequired } from '../../features/auth/components/require-auth';

export default function SignInPage() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const { isSignedIn, lastSignOut } = useSession();
  const me = useMe();
  useDocumentTitle(t('signIn.title'));

  // Each role lands on its own desk (a staff member never on a volunteer page).
  if (isSignedIn) {
    if (me.data) return <Navigate to={landingPath(me.data, next)} replace />;
    if (isPasswordChangeRequired(me.error)) return <Navigate to={`${CHANGE_PASSWORD_PATH}?next=${encodeURIComponent(next)}`} replace />;
    return <LoadingState />;
  }

  const registerHref = next === '/' ? '/register' : `/register?next=${encodeURIComponent(next)}`;
  return (
    <>
      <h1 className="page-title">{t('signIn.title')}</h1>
      <p className="page-intro">{t('signIn.intro')}</p>
      {lastSignOut === 'expired' ? <Alert tone="info">{tc('errors.sessionExpired')}</Alert> : null}
      <div className="card">
        <SignInForm onSignedIn={(user) => navigate(landingPath(user, next), { replace: true })} />
      </div>
      <p>
        {t('signIn.noAccount')} <Link to={registerHref} className="touch-link">{tc('nav.register')}</Link>
      </p>
      <footer className="page-footer">
        <Link to="/stats" className="touch-link">
          {tc('nav.publicStats')}
        </Link>
      </footer>
    </>
  );
}
