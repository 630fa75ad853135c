import type { RouteDoc } from '../../openapi/route-doc';
import { CommunitiesQuery, DistrictCommunitiesQuery, DistrictParam } from './reference.schema';

const tag = 'Reference data';

export const referenceDocs: RouteDoc[] = [
  { method: 'get', path: '/api/categories', tag, summary: 'Tip categories (ids, zh-CN and en names)', access: 'anyone', ok: { description: '`{categories}`' } },
  { method: 'get', path: '/api/districts', tag, summary: 'The districts of Hengyang', access: 'anyone', ok: { description: '`{districts}`' } },
  { method: 'get', path: '/api/districts/:id/townships', tag, summary: 'Townships (乡镇/街道) of a district', access: 'anyone', params: DistrictParam, ok: { description: '`{townships}`' } },
  {
    method: 'get',
    path: '/api/districts/:id/communities',
    tag,
    summary: 'Villages and communities (村/社区) of a district',
    access: 'anyone',
    params: DistrictParam,
    query: DistrictCommunitiesQuery,
    ok: { description: '`{communities}`' },
  },
  { method: 'get', path: '/api/communities', tag, summary: 'Search communities by name, pinyin or initials', access: 'anyone', query: CommunitiesQuery, ok: { description: '`{communities, nextCursor}`' } },
];
