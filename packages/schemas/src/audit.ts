import { z } from 'zod';
import { Instant, Uuid } from './fields';

const filters = {
  actorId: Uuid.optional(),
  /** An action name (`tip.triage`) or a family of them (`tip.` matches every tip action). */
  action: z
    .string()
    .trim()
    .regex(/^[a-z][a-z_.]{0,63}$/, 'must be an action name such as tip.triage')
    .optional(),
  tipId: Uuid.optional(),
  /** From this instant (inclusive) to that one (exclusive): ISO date or date-time. */
  from: z.coerce.date({ message: 'must be a date' }).optional(),
  to: z.coerce.date({ message: 'must be a date' }).optional(),
};

const fromBeforeTo = (q: { from?: Date; to?: Date }) => !q.from || !q.to || q.from < q.to;

export const AuditExportQuery = z.strictObject(filters).refine(fromBeforeTo, { path: ['to'], message: 'must be after from' });
export type AuditExportQuery = z.infer<typeof AuditExportQuery>;

export const AuditQuery = z
  .strictObject({
    ...filters,
    cursor: z.string().max(100).optional(),
    limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(200).default(50),
  })
  .refine(fromBeforeTo, { path: ['to'], message: 'must be after from' });
export type AuditQuery = z.infer<typeof AuditQuery>;

/** Keyset position: entries are read newest first by their sequence number. */
export const AuditCursor = z.object({ id: z.number().int().positive() });

export const AuditEntry = z
  .strictObject({
    id: z.number().int(),
    createdAt: Instant,
    actor: z.strictObject({ id: z.uuid(), displayName: z.string().nullable(), role: z.string().nullable() }).nullable(),
    action: z.string(),
    target: z.strictObject({ type: z.string(), id: z.string().nullable() }),
    district: z.strictObject({ id: z.number().int(), nameZh: z.string().nullable(), nameEn: z.string().nullable() }).nullable(),
    /** What the action recorded; a reveal's reporter only for admins. */
    details: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.strictObject({ entries: z.array(AuditEntry), nextCursor: z.string().nullable() }).meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPage>;
