import { Router } from 'express';
import { authenticate } from '../../http/authenticate';
import { parse } from '../../http/validate';
import { CommunityBoardQuery, VolunteerBoardQuery } from '@hy/schemas/leaderboards';
import { communityBoard, volunteerBoard } from './leaderboards.service';

export function leaderboardsRoutes(): Router {
  const router = Router();

  router.get('/leaderboards/volunteers', authenticate, async (req, res) => {
    res.json(await volunteerBoard(req.actor!, parse(VolunteerBoardQuery, req.query)));
  });

  router.get('/leaderboards/communities', authenticate, async (req, res) => {
    res.json(await communityBoard(req.actor!, parse(CommunityBoardQuery, req.query)));
  });

  return router;
}
