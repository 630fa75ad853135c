import { z } from 'zod';
import { fromBeforeTo, oneOf, queueFilters, TIP_STATUSES } from '../triage/triage.schema';

/** The queue's filters (any status when none is named) and the submission period. */
export const TipExportQuery = z
  .strictObject({ ...queueFilters, status: oneOf(TIP_STATUSES).optional() })
  .refine(fromBeforeTo, { path: ['to'], message: 'must be after from' });
export type TipExportQuery = z.infer<typeof TipExportQuery>;
