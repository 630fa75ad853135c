import { useMutation } from '@tanstack/react-query';
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

export function useLogout() {
  return useMutation({ mutationFn: logout });
}
