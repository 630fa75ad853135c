import { Overview, OverviewQuery, PublicFigures, PublicQuery } from '@hy/schemas/stats';
import type { RouteDoc } from '../../openapi/route-doc';

const tag = 'Statistics, map and exports';

export const statsDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/stats/overview',
    tag,
    summary: 'Totals, decision times, backlog, cases, volunteers, campaigns (supervisor: own district; admin)',
    access: 'signed-in',
    query: OverviewQuery,
    ok: { description: 'The overview of the period and scope', schema: Overview },
    errors: [403],
  },
  {
    method: 'get',
    path: '/api/stats/public',
    tag,
    summary: 'Monthly tip counts by category and district, counts below 5 as "<5"; sensitive categories city-wide only',
    access: 'anyone',
    query: PublicQuery,
    ok: { description: 'The protected monthly figures', schema: PublicFigures },
  },
];
