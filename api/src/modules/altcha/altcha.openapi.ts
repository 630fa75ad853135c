import type { RouteDoc } from '../../openapi/route-doc';
import { AltchaChallenge, ChallengeQuery } from '@hy/schemas/altcha';

export const altchaDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/altcha/challenge',
    tag: 'Tips',
    summary: 'A proof-of-work challenge (ALTCHA) for an anonymous tip; harder when a district is flooded',
    access: 'anyone',
    query: ChallengeQuery,
    ok: { description: 'The ALTCHA challenge', schema: AltchaChallenge },
  },
];
