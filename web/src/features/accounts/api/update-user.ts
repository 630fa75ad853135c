import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { userQuery } from './get-user';
import { userListsKey } from './get-users';
import type { ManagedUser, ManagedUserAnswer, UpdateUser } from '@hy/schemas/accounts';

/** Role, place or disabled; `undefined` leaves a field as it is, null empties it. */
export type UserChange = UpdateUser;

export async function updateUser(id: string, change: UserChange): Promise<ManagedUser> {
  return (await apiRequest<ManagedUserAnswer>(`/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', json: change })).user;
}

export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: UserChange) => updateUser(id, change),
    onSuccess: (user) => {
      queryClient.setQueryData(userQuery(id).queryKey, user);
      void queryClient.invalidateQueries({ queryKey: userListsKey });
    },
  });
}
