import { OpenApiDocument } from '@hy/schemas/openapi';
import type { RouteDoc } from './route-doc';

const tag = 'This reference';

export const openApiDocs: RouteDoc[] = [
  { method: 'get', path: '/api/openapi.json', tag, summary: 'This document (OpenAPI 3.1), generated from the schemas the server validates with', access: 'anyone', ok: { description: 'The OpenAPI document', schema: OpenApiDocument } },
  { method: 'get', path: '/api/docs', tag, summary: 'The interactive reference (Swagger UI, served by this server)', access: 'anyone', ok: { description: 'An HTML page', contentType: 'text/html' } },
  { method: 'get', path: '/api/docs/start.js', tag, summary: 'The reference page’s start-up script', access: 'anyone', ok: { description: 'JavaScript', contentType: 'text/javascript' } },
];
