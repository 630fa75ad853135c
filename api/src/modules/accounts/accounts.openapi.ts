import type { RouteDoc } from '../../openapi/route-doc';
import { ACCOUNT_MANAGERS } from './accounts.policy';
import { CreatedUser, CreateUser, ManagedUserAnswer, ManagedUserPage, TemporaryPassword, UpdateUser, UserListQuery } from '@hy/schemas/accounts';

const tag = 'Administration';
const user = { description: 'The user', schema: ManagedUserAnswer };

export const accountsDocs: RouteDoc[] = [
  { method: 'get', path: '/api/admin/users', tag, summary: 'Users I may manage', access: ACCOUNT_MANAGERS, query: UserListQuery, ok: { description: 'A page of users', schema: ManagedUserPage } },
  {
    method: 'post',
    path: '/api/admin/users',
    tag,
    summary: 'Create a staff account with a temporary password (shown once)',
    access: ACCOUNT_MANAGERS,
    body: CreateUser,
    ok: { status: 201, description: 'The user and the temporary password, shown once', schema: CreatedUser },
    errors: [409],
  },
  { method: 'get', path: '/api/admin/users/:id', tag, summary: 'One user', access: ACCOUNT_MANAGERS, ok: user },
  { method: 'patch', path: '/api/admin/users/:id', tag, summary: 'Change role, place, or disable / enable', access: ACCOUNT_MANAGERS, body: UpdateUser, ok: user, errors: [409] },
  { method: 'post', path: '/api/admin/users/:id/reset-password', tag, summary: 'A new temporary password (shown once); signs the user out', access: ACCOUNT_MANAGERS, ok: { description: 'The temporary password, shown once', schema: TemporaryPassword } },
  { method: 'post', path: '/api/admin/users/:id/reset-two-factor', tag, summary: 'Turn the user’s two-factor sign-in off (a lost phone)', access: ACCOUNT_MANAGERS, ok: user },
];
