import { Router } from 'express';
import { authenticate } from '../../http/authenticate';
import { sendJsonText } from '../../http/json-text';
import { parseQuery } from '../../http/validate';
import { CommunityBoardQuery, VolunteerBoardQuery } from '@hy/schemas/leaderboards';
import { communityBoard, volunteerBoard } from './leaderboards.service';
import { boardJson } from './presented-top';

export function leaderboardsRoutes(): Router {
  const router = Router();

  router.get('/leaderboards/volunteers', authenticate, async (req, res) => {
    sendJsonText(res, boardJson(await volunteerBoard(req.actor!, parseQuery(VolunteerBoardQuery, req))));
  });

  router.get('/leaderboards/communities', authenticate, async (req, res) => {
    sendJsonText(res, boardJson(await communityBoard(req.actor!, parseQuery(CommunityBoardQuery, req))));
  });

  return router;
}
