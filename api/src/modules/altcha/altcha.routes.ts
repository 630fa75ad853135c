import { Router } from 'express';
import type { Config } from '../../config';
import { parse } from '../../http/validate';
import { ChallengeQuery } from '@hy/schemas/altcha';
import { issueChallenge } from './altcha.service';

export function altchaRoutes(config: Pick<Config, 'altcha'>): Router {
  const router = Router();

  // The widget fetches this (its `challengeurl`); the answer is the challenge object as is.
  router.get('/altcha/challenge', async (req, res) => {
    const { districtId } = parse(ChallengeQuery, req.query);
    res.json(await issueChallenge(config.altcha, districtId));
  });

  return router;
}
