import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../../../lib/api-error';
import { useSession } from '../../../lib/session';
import { useMe } from '../../../shared/api/get-me';
import { CHANGE_PASSWORD_PATH, TWO_FACTOR_PATH } from '../../../shared/desks';
import { signInPath } from '../next-path';

/** The API refuses everything else until a temporary password is changed (403 PASSWORD_CHANGE_REQUIRED). */
export const isPasswordChangeRequired = (error: unknown) => isApiError(error) && error.code === 'PASSWORD_CHANGE_REQUIRED';

/** STAFF_TOTP=required: nothing but the enrolment works until two-factor sign-in is on (403 TOTP_ENROLMENT_REQUIRED). */
export const isTotpEnrolmentRequired = (error: unknown) => isApiError(error) && error.code === 'TOTP_ENROLMENT_REQUIRED';

/**
 * Sends signed-out visitors to Sign in, and back here afterwards; someone holding a temporary
 * password to the change-password page first.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { isSignedIn } = useSession();
  const me = useMe();
  const location = useLocation();
  const here = location.pathname + location.search;
  if (!isSignedIn) return <Navigate to={signInPath(here)} replace />;
  if (me.data?.mustChangePassword || isPasswordChangeRequired(me.error))
    return <Navigate to={`${CHANGE_PASSWORD_PATH}?next=${encodeURIComponent(here)}`} replace />;
  if (me.data?.mustEnrolTotp) return <Navigate to={`${TWO_FACTOR_PATH}?next=${encodeURIComponent(here)}`} replace />;
  return children;
}
