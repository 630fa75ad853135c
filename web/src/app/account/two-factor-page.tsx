import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TwoFactorSettings } from '../../features/two-factor/components/two-factor-settings';
import { QueryFallback } from '../../components/ui/query-fallback';
import { safeNextPath, signInPath } from '../../features/auth/next-path';
import { AccountFrame } from '../../layouts/account-frame';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useMe } from '../../shared/api/get-me';
import { deskOf, landingPath } from '../../shared/desks';

/**
 * Two-factor sign-in: forced for police and admins with STAFF_TOTP=required (the API allows
 * nothing else until it is on), or chosen from a desk's header.
 */
export default function TwoFactorPage() {
  const { t } = useTranslation('twoFactor');
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const { isSignedIn } = useSession();
  const me = useMe();
  useDocumentTitle(t('pageTitle'));
  if (!isSignedIn) return <Navigate to={signInPath('/two-factor')} replace />;
  if (me.data?.mustChangePassword) return <Navigate to={`/change-password?next=${encodeURIComponent('/two-factor')}`} replace />;

  return (
    <AccountFrame brandTo={me.data && !me.data.mustEnrolTotp ? deskOf(me.data) : '/two-factor'} title={t('pageTitle')}>
      {me.data ? (
        <TwoFactorSettings user={me.data} onEnabled={(user) => navigate(landingPath(user, next), { replace: true })} />
      ) : (
        <QueryFallback query={me} />
      )}
    </AccountFrame>
  );
}
