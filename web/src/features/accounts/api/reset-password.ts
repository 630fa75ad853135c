import type { TemporaryPassword } from '@hy/schemas/accounts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { userQuery } from './get-user';

export function resetPassword(id: string): Promise<TemporaryPassword> {
  return apiRequest<TemporaryPassword>(`/admin/users/${encodeURIComponent(id)}/reset-password`, { method: 'POST' });
}

/** Every session of the user ends; the new temporary password is shown once. */
export function useResetPassword(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => resetPassword(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userQuery(id).queryKey }),
  });
}
