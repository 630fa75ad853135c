import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { apiRequest } from '../../../lib/api-client';
import { clearTokens, getTokens } from '../../../lib/session';

/** Signs out on this device at once; telling the server (to revoke the refresh token) is best effort. */
export async function logout(): Promise<void> {
  const tokens = getTokens();
  clearTokens('signed_out');
  if (!tokens) return;
  try {
    await apiRequest<void>('/auth/logout', { method: 'POST', json: { refreshToken: tokens.refreshToken }, auth: 'none' });
  } catch {
    // Offline or already revoked: the refresh token expires on the server by itself.
  }
}

/**
 * Sign out, then open `to` (home; the police desk opens its sign-in form, ready for the next
 * officer). Goes through the /sign-out page (app/sign-out-page.tsx), which leaves the current page
 * before the session ends.
 */
export function useSignOut(to = '/') {
  const navigate = useNavigate();
  const { t } = useTranslation();
  return () => {
    // The tab's title names the page being left (a tip's reference): it must not outlive the session by a frame.
    document.title = t('appName');
    void navigate(`/sign-out?next=${encodeURIComponent(to)}`);
  };
}
