import {
  CategoryList,
  CommunitiesPage,
  CommunitiesQuery,
  CommunityList,
  DistrictCommunitiesQuery,
  DistrictList,
  DistrictParam,
  TownshipList,
} from '@hy/schemas/reference';
import type { RouteDoc } from '../../openapi/route-doc';

const tag = 'Reference data';

export const referenceDocs: RouteDoc[] = [
  { method: 'get', path: '/api/categories', tag, summary: 'Tip categories (ids, zh-CN and en names)', access: 'anyone', ok: { description: 'The categories', schema: CategoryList } },
  { method: 'get', path: '/api/districts', tag, summary: 'The districts of Hengyang', access: 'anyone', ok: { description: 'The districts', schema: DistrictList } },
  { method: 'get', path: '/api/districts/:id/townships', tag, summary: 'Townships (乡镇/街道) of a district', access: 'anyone', params: DistrictParam, ok: { description: 'Its townships', schema: TownshipList } },
  {
    method: 'get',
    path: '/api/districts/:id/communities',
    tag,
    summary: 'Villages and communities (村/社区) of a district',
    access: 'anyone',
    params: DistrictParam,
    query: DistrictCommunitiesQuery,
    ok: { description: 'Its communities', schema: CommunityList },
  },
  { method: 'get', path: '/api/communities', tag, summary: 'Search communities by name, pinyin or initials', access: 'anyone', query: CommunitiesQuery, ok: { description: 'A page of communities', schema: CommunitiesPage } },
];
