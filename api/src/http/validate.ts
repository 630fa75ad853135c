import type { RequestHandler } from 'express';
import { z } from 'zod';
import { Uuid } from '@hy/schemas/fields';
import { nulPaths } from '@hy/schemas/text';
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

const NUL_MESSAGE = 'must not contain NUL characters (U+0000)';

/** VALIDATION (400) naming each field that holds a NUL, whatever the field's type (see lib/text). */
function refuseNul(value: unknown): void {
  const at = nulPaths(value);
  if (at.length > 0) throw validationError(at.map((field) => ({ field, message: NUL_MESSAGE })));
}

/**
 * Every request's query string and JSON body, before any route: a NUL is refused even where a
 * route forgets to validate. Multipart fields arrive later (multer runs in the route) and are
 * checked by `parse`.
 */
export const refuseNulInput: RequestHandler = (req, _res, next) => {
  if (/%00/.test(req.path)) throw validationError([{ field: '(path)', message: NUL_MESSAGE }]);
  refuseNul(req.query);
  refuseNul(req.body);
  next();
};

/** Parses input or throws VALIDATION (400) naming each bad field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  refuseNul(value);
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

export { Uuid };
export const IdParam = z.object({ id: Uuid });
