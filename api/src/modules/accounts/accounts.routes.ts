import { Router } from 'express';
import { requireRole } from '../../http/authenticate';
import { IdParam, parse } from '../../http/validate';
import { ACCOUNT_MANAGERS } from './accounts.policy';
import { CreateUser, UpdateUser, UserListQuery } from '@hy/schemas/accounts';
import { listUsers } from './list-users';
import { createStaffUser, getManagedUser, resetManagedPassword, resetManagedTwoFactor, updateManagedUser } from './manage-users';

export function accountsRoutes(): Router {
  const router = Router();
  // Admins and supervisors; accounts.policy decides whom each may see and manage.
  const administrators = requireRole(...ACCOUNT_MANAGERS);

  router.get('/admin/users', administrators, async (req, res) => {
    res.json(await listUsers(req.actor!, parse(UserListQuery, req.query)));
  });

  router.post('/admin/users', administrators, async (req, res) => {
    res.status(201).json(await createStaffUser(req.actor!, parse(CreateUser, req.body ?? {})));
  });

  router.get('/admin/users/:id', administrators, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json({ user: await getManagedUser(req.actor!, id) });
  });

  router.patch('/admin/users/:id', administrators, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json({ user: await updateManagedUser(req.actor!, id, parse(UpdateUser, req.body ?? {})) });
  });

  router.post('/admin/users/:id/reset-password', administrators, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json(await resetManagedPassword(req.actor!, id));
  });

  router.post('/admin/users/:id/reset-two-factor', administrators, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json({ user: await resetManagedTwoFactor(req.actor!, id) });
  });

  return router;
}
