import type { RouteDoc } from '../../openapi/route-doc';
import { OverviewQuery, PublicQuery } from './stats.schema';

const tag = 'Statistics, map and exports';

export const statsDocs: RouteDoc[] = [
  { method: 'get', path: '/api/stats/overview', tag, summary: 'Totals, decision times, backlog, cases, volunteers, campaigns (supervisor: own district; admin)', access: 'signed-in', query: OverviewQuery, ok: { description: 'The overview' }, errors: [403] },
  {
    method: 'get',
    path: '/api/stats/public',
    tag,
    summary: 'Monthly tip counts by category and district, counts below 5 as "<5"; sensitive categories city-wide only',
    access: 'anyone',
    query: PublicQuery,
    ok: { description: '`{months, categories, districts, rows, generatedAt}`' },
  },
];
