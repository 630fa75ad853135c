import { LedgerQuery, LedgerReport, MyPoints, PointsAdjusted } from '@hy/schemas/points';
import { z } from 'zod';
import type { RouteDoc } from '../../openapi/route-doc';
import { AdjustPoints } from './points.rules';

const tag = 'Points and rewards';

export const pointsDocs: RouteDoc[] = [
  { method: 'get', path: '/api/me/points', tag, summary: 'My balance and ledger', access: ['volunteer'], query: LedgerQuery, ok: { description: 'The balance, today’s capped earnings and a page of the ledger', schema: MyPoints } },
  {
    method: 'post',
    path: '/api/admin/points/adjustments',
    tag,
    summary: 'Add or deduct points by hand (audited); Idempotency-Key honoured',
    access: ['admin'],
    body: AdjustPoints,
    headers: z.object({ 'Idempotency-Key': z.string().min(8).max(128).optional() }),
    ok: { status: 201, description: 'The ledger entry and the new balance', schema: PointsAdjusted },
    errors: [409, 422],
  },
  { method: 'get', path: '/api/admin/points/consistency', tag, summary: 'Check that balances, totals and the ledger agree', access: ['admin'], ok: { description: 'The check’s findings', schema: LedgerReport } },
];
