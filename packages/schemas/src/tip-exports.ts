import { z } from 'zod';
import { fromBeforeTo, oneOf, queueFilters, TIP_STATUSES } from './triage';

/**
 * The queue's filters (any status when none is named), the submission period, and the queue's
 * claim and on-site-check filters: the file holds what the queue shows.
 */
export const TipExportQuery = z
  .strictObject({
    ...queueFilters,
    status: oneOf(TIP_STATUSES).optional(),
    claim: oneOf(['mine', 'unclaimed'] as const).optional(),
    verification: oneOf(['pending', 'overdue', 'reported'] as const).optional(),
  })
  .refine(fromBeforeTo, { path: ['to'], message: 'must be after from' });
export type TipExportQuery = z.infer<typeof TipExportQuery>;
