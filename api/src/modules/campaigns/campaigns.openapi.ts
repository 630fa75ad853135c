import { Attendance, AttendanceQuery, CampaignAnswer, CampaignsPage, CampaignsQuery, CheckedIn, CheckedOut, CreateCampaign, PositionFix } from '@hy/schemas/campaigns';
import type { RouteDoc } from '../../openapi/route-doc';

const tag = 'Campaigns';
const campaign = { description: 'The campaign, as the caller sees it', schema: CampaignAnswer };
const posters = ['organizer', 'officer', 'supervisor', 'admin'] as const;

export const campaignsDocs: RouteDoc[] = [
  { method: 'post', path: '/api/campaigns', tag, summary: 'Post a campaign or patrol', access: posters, body: CreateCampaign, ok: { status: 201, ...campaign } },
  { method: 'get', path: '/api/campaigns', tag, summary: 'Campaigns I may see', access: 'signed-in', query: CampaignsQuery, ok: { description: 'A page of campaigns', schema: CampaignsPage } },
  { method: 'get', path: '/api/campaigns/:id/attendance.csv', tag, summary: 'Attendance as CSV (UTF-8 with BOM)', access: 'signed-in', ok: { description: 'One row per participant', contentType: 'text/csv' } },
  { method: 'get', path: '/api/campaigns/:id/attendance', tag, summary: 'Attendance: who joined, checked in and out, and points', access: 'signed-in', query: AttendanceQuery, ok: { description: 'The campaign, its totals and a page of participants', schema: Attendance } },
  { method: 'get', path: '/api/campaigns/:id', tag, summary: 'One campaign', access: 'signed-in', ok: campaign },
  { method: 'post', path: '/api/campaigns/:id/join', tag, summary: 'Join', access: ['volunteer'], ok: campaign, errors: [409] },
  { method: 'post', path: '/api/campaigns/:id/leave', tag, summary: 'Leave (before checking in)', access: ['volunteer'], ok: campaign, errors: [409] },
  {
    method: 'post',
    path: '/api/campaigns/:id/check-in',
    tag,
    summary: 'Check in on site with a position fix',
    access: ['volunteer'],
    body: PositionFix,
    ok: {
      status: 201,
      description: 'Checked in: the participation and the distance from the meeting place',
      schema: CheckedIn,
      also: { status: 200, description: 'Already checked in (a retry): the check-in recorded before' },
    },
    errors: [409, 422],
  },
  {
    method: 'post',
    path: '/api/campaigns/:id/check-out',
    tag,
    summary: 'Check out; points are due after the minimum time',
    access: ['volunteer'],
    body: PositionFix,
    ok: { description: 'Minutes attended, points credited and the participation', schema: CheckedOut },
    errors: [409, 422],
  },
];
