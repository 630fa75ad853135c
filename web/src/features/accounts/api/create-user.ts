import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { userQuery } from './get-user';
import { userListsKey } from './get-users';
import type { z } from 'zod';
import type { CreatedUser, CreateUser } from '@hy/schemas/accounts';

/** What the admin's form sends: the API's own request schema (staff roles only; volunteers register themselves). */
export type CreateUserInput = z.input<typeof CreateUser>;
export type { CreatedUser };

export function createUser(input: CreateUserInput): Promise<CreatedUser> {
  return apiRequest<CreatedUser>('/admin/users', { method: 'POST', json: input });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: ({ user }) => {
      queryClient.setQueryData(userQuery(user.id).queryKey, user);
      void queryClient.invalidateQueries({ queryKey: userListsKey });
    },
  });
}
