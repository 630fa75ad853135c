import { Router } from 'express';
import { requireRole } from '../../http/authenticate';
import { parse } from '../../http/validate';
import { ActivityQuery, ManagedCommunitiesQuery, MembersQuery } from '@hy/schemas/organizer';
import { activity, listManagedCommunities, listMembers } from './organizer.service';

export function organizerRoutes(): Router {
  const router = Router();
  const organizers = requireRole('organizer', 'admin');

  router.get('/organizer/communities', organizers, async (req, res) => {
    res.json(await listManagedCommunities(req.actor!, parse(ManagedCommunitiesQuery, req.query)));
  });

  router.get('/organizer/members', organizers, async (req, res) => {
    res.json(await listMembers(req.actor!, parse(MembersQuery, req.query)));
  });

  router.get('/organizer/activity', organizers, async (req, res) => {
    res.json(await activity(req.actor!, parse(ActivityQuery, req.query)));
  });

  return router;
}
