import { Router } from 'express';
import { requireRole } from '../../http/authenticate';
import { sendCsvText } from '../../http/csv';
import { parse } from '../../http/validate';
import { clock } from '../../lib/clock';
import { exportTips } from './tip-export';
import { TIP_CSV_COLUMNS } from './tip-exports.presenter';
import { TipExportQuery } from '@hy/schemas/tip-exports';

/** Mounted before the tips routes: `/tips/export.csv` is not a tip id. */
export function tipExportsRoutes(): Router {
  const router = Router();

  router.get('/tips/export.csv', requireRole('supervisor', 'admin'), async (req, res) => {
    const pieces = await exportTips(req.actor!, parse(TipExportQuery, req.query));
    await sendCsvText(res, {
      filename: `tips-${clock.now().toISOString().slice(0, 10)}.csv`,
      columns: TIP_CSV_COLUMNS,
      pieces,
    });
  });

  return router;
}
