import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../../../lib/session';
import { signInPath } from '../next-path';

/** Sends signed-out visitors to Sign in, and back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { isSignedIn } = useSession();
  const location = useLocation();
  if (!isSignedIn) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  return children;
}
