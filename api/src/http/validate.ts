import type { RequestHandler } from 'express';
import { z } from 'zod';
import { validationError, type FieldIssue } from './errors';

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(root)', message: i.message }));
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
