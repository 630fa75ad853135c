import { z } from 'zod';
import { plainText } from '@hy/schemas/fields';
import { Uuid } from '../../http/validate';
import { POINT_RULES } from './points.rules';

export const LedgerQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type LedgerQuery = z.infer<typeof LedgerQuery>;

export const LedgerCursor = z.object({ id: z.number().int().positive() });

export const AdjustPoints = z.strictObject({
  userId: Uuid,
  delta: z
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .refine((d) => d !== 0, 'must not be zero')
    .refine((d) => Math.abs(d) <= POINT_RULES.maxAdjustment, `must be between -${POINT_RULES.maxAdjustment} and ${POINT_RULES.maxAdjustment}`),
  reason: plainText({ min: 5, max: 500, tooShort: 'must say why (at least 5 characters)' }),
});
export type AdjustPoints = z.infer<typeof AdjustPoints>;
