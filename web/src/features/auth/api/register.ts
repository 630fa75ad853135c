import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { setTokens } from '../../../lib/session';
import { meQuery } from '../../../shared/api/get-me';
import type { RegisterInput as Schema, Session as AuthResult } from '@hy/schemas/auth';
import type { z } from 'zod';

export type RegisterInput = z.input<typeof Schema>;

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
