import { z } from 'zod';
import { validationError } from '../http/errors';
import { instantText } from '@hy/schemas/fields';

/** Opaque keyset cursors: base64url JSON, validated on the way back in. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor<S extends z.ZodType>(schema: S, cursor: string | undefined): z.infer<S> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: any undecodable cursor is the same client error
  }
  throw validationError([{ field: 'cursor', message: 'is malformed' }]);
}

/** A (timestamp, id) keyset position. */
export const TimeIdCursor = z.object({ t: instantText, id: z.uuid() });
