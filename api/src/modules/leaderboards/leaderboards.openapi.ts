import { CommunityBoard, CommunityBoardQuery, VolunteerBoard, VolunteerBoardQuery } from '@hy/schemas/leaderboards';
import type { RouteDoc } from '../../openapi/route-doc';

const tag = 'Leaderboards and organizers';

export const leaderboardsDocs: RouteDoc[] = [
  { method: 'get', path: '/api/leaderboards/volunteers', tag, summary: 'Volunteers ranked by points, with my own rank', access: 'signed-in', query: VolunteerBoardQuery, ok: { description: '`entries` may be up to 5 s old (`computedAt`), `me` is always current', schema: VolunteerBoard } },
  { method: 'get', path: '/api/leaderboards/communities', tag, summary: 'Communities ranked by their members’ points', access: 'signed-in', query: CommunityBoardQuery, ok: { description: '`entries` may be up to 5 s old (`computedAt`), `me` is always current', schema: CommunityBoard } },
];
