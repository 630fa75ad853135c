import { Activity, ActivityQuery, ManagedCommunitiesPage, ManagedCommunitiesQuery, MembersPage, MembersQuery } from '@hy/schemas/organizer';
import type { RouteDoc } from '../../openapi/route-doc';

const tag = 'Leaderboards and organizers';
const organizers = ['organizer', 'admin'] as const;

export const organizerDocs: RouteDoc[] = [
  { method: 'get', path: '/api/organizer/communities', tag, summary: 'The communities I organize, with members and points', access: organizers, query: ManagedCommunitiesQuery, ok: { description: 'A page of my communities, by division code', schema: ManagedCommunitiesPage } },
  { method: 'get', path: '/api/organizer/members', tag, summary: 'Members of my communities', access: organizers, query: MembersQuery, ok: { description: 'A page of members, newest first', schema: MembersPage } },
  { method: 'get', path: '/api/organizer/activity', tag, summary: 'Tips submitted and validated per week or month', access: organizers, query: ActivityQuery, ok: { description: 'Counts per period, oldest first', schema: Activity } },
];
