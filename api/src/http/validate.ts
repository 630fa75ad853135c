import type { RequestHandler } from 'express';
import { z } from 'zod';
import { validationError, type FieldIssue } from './errors';

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((i) => {
    const at = i.path.map(String);
    // Name each unknown field itself, so a client sees which of its fields is not accepted.
    if (i.code === 'unrecognized_keys')
      return i.keys.map((k) => ({ field: [...at, k].join('.'), message: 'is not an accepted field' }));
    return [{ field: at.join('.') || '(root)', message: i.message }];
  });
}

/** Parses input or throws VALIDATION (400) naming each bad field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(issuesOf(result.error));
  return result.data;
}

/** Middleware form for JSON bodies: replaces req.body with the parsed value. */
export function validate(schema: z.ZodType): RequestHandler {
  return (req, _res, next) => {
    req.body = parse(schema, req.body ?? {});
    next();
  };
}

export const Uuid = z.uuid({ message: 'must be a UUID' });
export const IdParam = z.object({ id: Uuid });
