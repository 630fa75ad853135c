import { z } from 'zod';
import type { RouteDoc } from '../../openapi/route-doc';
import {
  Open311Created,
  Open311Discovery,
  Open311Jurisdiction,
  Open311Post,
  Open311Query,
  Open311Requests,
  Open311ServiceDefinition,
  Open311Services,
  Open311TokenAnswer,
} from '@hy/schemas/open311';

const tag = 'Open311 GeoReport v2';
const common = { tag, isOpen311: true } as const;

export const open311Docs: RouteDoc[] = [
  { ...common, method: 'get', path: '/open311/v2/discovery.json', summary: 'Discovery: endpoints, formats, contact', access: 'anyone', ok: { description: 'The discovery document', schema: Open311Discovery } },
  { ...common, method: 'get', path: '/open311/v2/services.json', summary: 'Services: the tip categories, with group and keywords', access: 'anyone', query: Open311Jurisdiction, ok: { description: 'The services', schema: Open311Services } },
  {
    ...common,
    method: 'get',
    path: '/open311/v2/services/:code.json',
    summary: 'A service definition (its attributes: district, occurred_at)',
    access: 'anyone',
    params: z.object({ code: z.string() }),
    ok: { description: 'The service definition', schema: Open311ServiceDefinition },
  },
  {
    ...common,
    method: 'post',
    path: '/open311/v2/requests.json',
    summary: 'Create a service request: an anonymous-style tip',
    access: 'api-key',
    body: Open311Post,
    bodyAs: ['form', 'json'],
    ok: { description: 'One element: the reference (`service_request_id`), a token and a notice', schema: Open311Created },
    errors: [400, 429],
  },
  {
    ...common,
    method: 'get',
    path: '/open311/v2/requests.json',
    summary: 'Service requests: non-sensitive categories only, coordinates to 3 decimals, status open/closed',
    access: 'anyone',
    query: Open311Query,
    ok: { description: 'The requests', schema: Open311Requests },
  },
  { ...common, method: 'get', path: '/open311/v2/requests/:id.json', summary: 'One service request', access: 'anyone', params: z.object({ id: z.string().meta({ example: 'HY-20261129-0001' }) }), ok: { description: 'A one-element list', schema: Open311Requests } },
  { ...common, method: 'get', path: '/open311/v2/tokens/:token.json', summary: 'The service request id of a token', access: 'anyone', params: z.object({ token: z.string() }), ok: { description: 'A one-element list', schema: Open311TokenAnswer } },
];
