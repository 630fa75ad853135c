import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { clearTokens, getTokens } from '../../../lib/session';

export async function logout(): Promise<void> {
  const tokens = getTokens();
  try {
    if (tokens) await apiRequest<void>('/auth/logout', { method: 'POST', json: { refreshToken: tokens.refreshToken }, auth: 'none' });
  } finally {
    // Signing out on this device must work even offline; the server-side token then simply expires.
    clearTokens('signed_out');
  }
}

export function useLogout() {
  return useMutation({ mutationFn: logout });
}
