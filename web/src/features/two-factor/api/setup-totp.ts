import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { TotpSetup } from '@hy/schemas/auth';

/** A new secret, waiting for a code to confirm it: shown once, as a QR code and as text to type. */
export type { TotpSetup };

export const setupTotp = () => apiRequest<TotpSetup>('/auth/totp/setup', { method: 'POST', json: {} });

export function useSetupTotp() {
  return useMutation({ mutationFn: setupTotp });
}
