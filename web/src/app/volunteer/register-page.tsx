import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RegisterForm } from '../../features/auth/components/register-form';
import { safeNextPath, signInPath } from '../../features/auth/next-path';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSession } from '../../lib/session';

export default function RegisterPage() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const { isSignedIn } = useSession();
  useDocumentTitle(t('register.title'));

  if (isSignedIn) return <Navigate to={next} replace />;

  const signInHref = next === '/' ? '/sign-in' : signInPath(next);
  return (
    <>
      <h1 className="page-title">{t('register.title')}</h1>
      <p className="page-intro">{t('register.intro')}</p>
      <div className="card">
        <RegisterForm onRegistered={() => navigate(next, { replace: true })} signInHref={signInHref} />
      </div>
      <p>
        {t('register.haveAccount')} <Link to={signInHref} className="touch-link">{tc('nav.signIn')}</Link>
      </p>
    </>
  );
}
