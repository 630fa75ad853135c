import type { RouteDoc } from '../../openapi/route-doc';
import { ActivityQuery, ManagedCommunitiesQuery, MembersQuery } from './organizer.schema';

const tag = 'Leaderboards and organizers';
const organizers = ['organizer', 'admin'] as const;

export const organizerDocs: RouteDoc[] = [
  { method: 'get', path: '/api/organizer/communities', tag, summary: 'The communities I organize, with members and points', access: organizers, query: ManagedCommunitiesQuery, ok: { description: '`{communities, nextCursor}`' } },
  { method: 'get', path: '/api/organizer/members', tag, summary: 'Members of my communities', access: organizers, query: MembersQuery, ok: { description: '`{members, nextCursor}`' } },
  { method: 'get', path: '/api/organizer/activity', tag, summary: 'Tips submitted and validated per week or month', access: organizers, query: ActivityQuery, ok: { description: '`{period, series}`' } },
];
