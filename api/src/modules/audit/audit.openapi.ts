import type { RouteDoc } from '../../openapi/route-doc';
import { AuditExportQuery, AuditPage, AuditQuery } from '@hy/schemas/audit';

const tag = 'Administration';

export const auditDocs: RouteDoc[] = [
  { method: 'get', path: '/api/admin/audit', tag, summary: 'The audit log, newest first', access: ['admin', 'supervisor'], query: AuditQuery, ok: { description: 'A page of entries', schema: AuditPage } },
  { method: 'get', path: '/api/admin/audit.csv', tag, summary: 'The audit log as CSV', access: ['admin', 'supervisor'], query: AuditExportQuery, ok: { description: 'One row per entry', contentType: 'text/csv' } },
];
