import { Router } from 'express';
import { requireRole } from '../../http/authenticate';
import { intakeBudgets } from '../../http/budgets';
import { IdParam, parse } from '../../http/validate';
import { PostMessage } from '@hy/schemas/messages';
import { getThread, postMessage, unreadSummary } from './messages.service';

/** Reporters and police of the tip's district (admins read and write as police). */
const THREAD_ROLES = requireRole('volunteer', 'officer', 'supervisor', 'admin');

export function messagesRoutes(config: Parameters<typeof intakeBudgets>[0]): Router {
  const router = Router();
  const budgets = intakeBudgets(config);

  router.get('/messages/unread', THREAD_ROLES, async (req, res) => {
    res.json(await unreadSummary(req.actor!));
  });

  router.get('/tips/:id/messages', THREAD_ROLES, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json(await getThread(req.actor!, id));
  });

  router.post('/tips/:id/messages', THREAD_ROLES, ...budgets.messages, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    const input = parse(PostMessage, req.body ?? {});
    res.status(201).json({ message: await postMessage(req.actor!, id, input) });
  });

  return router;
}
