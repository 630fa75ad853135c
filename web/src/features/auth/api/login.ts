import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { setTokens } from '../../../lib/session';
import { meQuery } from '../../../shared/api/get-me';
import type { LoginInput as Schema, Session as AuthResult } from '@hy/schemas/auth';
import type { z } from 'zod';

/** `totp`: the authenticator code, for staff accounts with two-factor sign-in on. */
export type LoginInput = z.input<typeof Schema>;

export function login(input: LoginInput): Promise<AuthResult> {
  return apiRequest<AuthResult>('/auth/login', { method: 'POST', json: input, auth: 'none' });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ user, accessToken, refreshToken }) => {
      setTokens({ accessToken, refreshToken });
      queryClient.setQueryData(meQuery().queryKey, user);
    },
  });
}
