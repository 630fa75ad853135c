import { Router } from 'express';
import { requireRole } from '../../http/authenticate';
import { sendCsv } from '../../http/csv';
import { parse } from '../../http/validate';
import { clock } from '../../lib/clock';
import { exportAudit, listAudit } from './audit-log';
import { AUDIT_CSV_COLUMNS, auditCsvRow, presentAuditEntry } from './audit.presenter';
import { AuditExportQuery, AuditQuery } from '@hy/schemas/audit';

export function auditRoutes(): Router {
  const router = Router();
  const readers = requireRole('admin', 'supervisor');

  router.get('/admin/audit', readers, async (req, res) => {
    const actor = req.actor!;
    const { entries, nextCursor } = await listAudit(actor, parse(AuditQuery, req.query));
    res.json({ entries: entries.map((e) => presentAuditEntry(actor, e)), nextCursor });
  });

  router.get('/admin/audit.csv', readers, async (req, res) => {
    const actor = req.actor!;
    const rows = await exportAudit(actor, parse(AuditExportQuery, req.query));
    await sendCsv(res, {
      filename: `audit-${clock.now().toISOString().slice(0, 10)}.csv`,
      columns: AUDIT_CSV_COLUMNS,
      rows,
      toCells: (row) => auditCsvRow(actor, row),
    });
  });

  return router;
}
