import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { setTokens } from '../../../lib/session';
import { meQuery } from '../../../shared/api/get-me';
import type { ChangePasswordInput as Schema, Session as AuthResult } from '@hy/schemas/auth';
import type { z } from 'zod';

export type ChangePasswordInput = z.input<typeof Schema>;

export function changePassword(input: ChangePasswordInput): Promise<AuthResult> {
  return apiRequest<AuthResult>('/auth/password', { method: 'POST', json: input });
}

/** Every other session is revoked by the server; this one continues with the new pair. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: ({ user, accessToken, refreshToken }) => {
      setTokens({ accessToken, refreshToken });
      queryClient.setQueryData(meQuery().queryKey, user);
    },
  });
}
