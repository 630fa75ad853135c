import type { RouteDoc } from '../../openapi/route-doc';
import { CommunityBoardQuery, VolunteerBoardQuery } from './leaderboards.schema';

const tag = 'Leaderboards and organizers';

export const leaderboardsDocs: RouteDoc[] = [
  { method: 'get', path: '/api/leaderboards/volunteers', tag, summary: 'Volunteers ranked by points, with my own rank', access: 'signed-in', query: VolunteerBoardQuery, ok: { description: '`{period, periodStart, districtId, communityId, computedAt, entries, me}` — `entries` may be up to 5 s old (`computedAt`), `me` is always current' } },
  { method: 'get', path: '/api/leaderboards/communities', tag, summary: 'Communities ranked by their members’ points', access: 'signed-in', query: CommunityBoardQuery, ok: { description: '`{period, periodStart, districtId, perCapita, computedAt, entries, me}` — `entries` may be up to 5 s old (`computedAt`), `me` is always current' } },
];
