import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { Role } from '../../../shared/types/user';
import { userQuery } from './get-user';
import { userListsKey } from './get-users';
import type { CreatedUser } from '@hy/schemas/accounts';

export type CreateUserInput = { phone: string; displayName: string; role: Role; districtId?: number; communityId?: number };
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
