import type { RouteDoc } from '../../openapi/route-doc';
import { ApiKeyAnswer, ApiKeyList, CreateApiKey, IssuedApiKey } from '@hy/schemas/api-keys';

const tag = 'Administration';

export const apiKeysDocs: RouteDoc[] = [
  { method: 'post', path: '/api/admin/api-keys', tag, summary: 'Issue an Open311 API key (shown once, stored hashed)', access: ['admin'], body: CreateApiKey, ok: { status: 201, description: 'The key, shown once', schema: IssuedApiKey } },
  { method: 'get', path: '/api/admin/api-keys', tag, summary: 'The API keys (never the keys themselves)', access: ['admin'], ok: { description: 'The keys', schema: ApiKeyList } },
  { method: 'delete', path: '/api/admin/api-keys/:id', tag, summary: 'Revoke a key: its requests answer 403 from now on', access: ['admin'], ok: { description: 'The revoked key', schema: ApiKeyAnswer } },
];
