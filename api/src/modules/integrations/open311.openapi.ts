import { z } from 'zod';
import type { RouteDoc } from '../../openapi/route-doc';
import { Open311Jurisdiction, Open311Post, Open311Query } from './open311.schema';

const tag = 'Open311 GeoReport v2';
const common = { tag, isOpen311: true } as const;

export const open311Docs: RouteDoc[] = [
  { ...common, method: 'get', path: '/open311/v2/discovery.json', summary: 'Discovery: endpoints, formats, contact', access: 'anyone', ok: { description: 'The discovery document' } },
  { ...common, method: 'get', path: '/open311/v2/services.json', summary: 'Services: the tip categories, with group and keywords', access: 'anyone', query: Open311Jurisdiction, ok: { description: 'The services' } },
  {
    ...common,
    method: 'get',
    path: '/open311/v2/services/:code.json',
    summary: 'A service definition (its attributes: district, occurred_at)',
    access: 'anyone',
    params: z.object({ code: z.string() }),
    ok: { description: 'The service definition' },
  },
  {
    ...common,
    method: 'post',
    path: '/open311/v2/requests.json',
    summary: 'Create a service request: an anonymous-style tip',
    access: 'api-key',
    body: Open311Post,
    bodyAs: ['form', 'json'],
    ok: { description: '`[{service_request_id, token, service_notice, account_id}]`' },
    errors: [400, 429],
  },
  {
    ...common,
    method: 'get',
    path: '/open311/v2/requests.json',
    summary: 'Service requests: non-sensitive categories only, coordinates to 3 decimals, status open/closed',
    access: 'anyone',
    query: Open311Query,
    ok: { description: 'The requests' },
  },
  { ...common, method: 'get', path: '/open311/v2/requests/:id.json', summary: 'One service request', access: 'anyone', params: z.object({ id: z.string().meta({ example: 'HY-20261129-0001' }) }), ok: { description: 'A one-element list' } },
  { ...common, method: 'get', path: '/open311/v2/tokens/:token.json', summary: 'The service request id of a token', access: 'anyone', params: z.object({ token: z.string() }), ok: { description: 'A one-element list' } },
];
