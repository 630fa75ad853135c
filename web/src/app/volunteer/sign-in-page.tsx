import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { safeNextPath } from '../../features/auth/next-path';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSession } from '../../lib/session';

export default function SignInPage() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const { isSignedIn, lastSignOut } = useSession();
  useDocumentTitle(t('signIn.title'));

  if (isSignedIn) return <Navigate to={next} replace />;

  const registerHref = next === '/' ? '/register' : `/register?next=${encodeURIComponent(next)}`;
  return (
    <>
      <h1 className="page-title">{t('signIn.title')}</h1>
      <p className="page-intro">{t('signIn.intro')}</p>
      {lastSignOut === 'expired' ? <Alert tone="info">{tc('errors.sessionExpired')}</Alert> : null}
      <div className="card">
        <SignInForm onSignedIn={() => navigate(next, { replace: true })} />
      </div>
      <p>
        {t('signIn.noAccount')} <Link to={registerHref} className="touch-link">{tc('nav.register')}</Link>
      </p>
    </>
  );
}
