import type { RouteDoc } from '../../openapi/route-doc';
import { AuditExportQuery, AuditQuery } from './audit.schema';

const tag = 'Administration';

export const auditDocs: RouteDoc[] = [
  { method: 'get', path: '/api/admin/audit', tag, summary: 'The audit log, newest first', access: ['admin', 'supervisor'], query: AuditQuery, ok: { description: '`{entries, nextCursor}`' } },
  { method: 'get', path: '/api/admin/audit.csv', tag, summary: 'The audit log as CSV', access: ['admin', 'supervisor'], query: AuditExportQuery, ok: { description: 'One row per entry', contentType: 'text/csv' } },
];
