import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { userQuery } from './get-user';
import type { ManagedUser, ManagedUserAnswer } from '@hy/schemas/accounts';

export function resetTwoFactor(id: string): Promise<{ user: ManagedUser }> {
  return apiRequest<ManagedUserAnswer>(`/admin/users/${encodeURIComponent(id)}/reset-two-factor`, { method: 'POST' });
}

/** A lost authenticator: the enrolment is removed and every session of the user ends. */
export function useResetTwoFactor(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => resetTwoFactor(id),
    onSuccess: ({ user }) => queryClient.setQueryData(userQuery(id).queryKey, user),
  });
}
