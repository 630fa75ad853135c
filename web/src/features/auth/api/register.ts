import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { setTokens } from '../../../lib/session';
import { meQuery } from '../../../shared/api/get-me';
import type { Session as AuthResult } from '@hy/schemas/auth';

export type RegisterInput = { phone: string; password: string; displayName: string; communityId: number };

export function register(input: RegisterInput): Promise<AuthResult> {
  return apiRequest<AuthResult>('/auth/register', { method: 'POST', json: input, auth: 'none' });
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: ({ user, accessToken, refreshToken }) => {
      setTokens({ accessToken, refreshToken });
      queryClient.setQueryData(meQuery().queryKey, user);
    },
  });
}
