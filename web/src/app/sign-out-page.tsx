import { useEffect } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { LoadingState } from '../components/ui/loading-state';
import { logout } from '../features/auth/api/logout';
import { safeNextPath } from '../features/auth/next-path';
import { useSession } from '../lib/session';

/**
 * Sign-out is a place, not a callback: the previous user's page is left first, then the session
 * ends (which remounts every page, see session-boundary.ts), then the next page opens, so the next
 * user never lands on the previous user's last page.
 */
export default function SignOutPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const { isSignedIn } = useSession();
  useEffect(() => {
    if (isSignedIn) void logout();
  }, [isSignedIn]);
  if (isSignedIn) return <LoadingState />;
  return <Navigate to={next} replace />;
}
