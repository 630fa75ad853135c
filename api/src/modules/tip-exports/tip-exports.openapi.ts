import type { RouteDoc } from '../../openapi/route-doc';
import { TipExportQuery } from '@hy/schemas/tip-exports';

export const tipExportsDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/tips/export.csv',
    tag: 'Statistics, map and exports',
    summary: 'The tips of the queue filters as CSV (UTF-8 with BOM), streamed; never the reporter',
    access: ['supervisor', 'admin'],
    query: TipExportQuery,
    ok: { description: 'One row per tip', contentType: 'text/csv' },
  },
];
