import type { Request, RequestHandler } from 'express';
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
  // A NUL reaches the path or the query only as `%00` (the HTTP parser refuses a raw one): the
  // query is parsed to name the field only then, not for every request (Express parses it anew on
  // every read of req.query).
  if (req.url.includes('%00')) {
    if (req.path.includes('%00')) throw validationError([{ field: '(path)', message: NUL_MESSAGE }]);
    refuseNul(req.query);
  }
  if (req.body !== undefined) refuseNul(req.body);
  next();
};

const parsedQueries = new WeakMap<z.ZodType, Map<string, unknown>>();
/** Query strings whose parsed value is kept per schema at most (a hot read sees a handful). */
const MAX_PARSED_QUERIES = 1_000;

/**
 * `parse(schema, req.query)`, kept per schema and query string: for hot reads whose schema's
 * verdict depends on the text alone (no clock, no database), such as the boards' period and scope.
 * A refused query is never kept (it throws first); a kept value is frozen, shared by every request
 * with the same text.
 */
export function parseQuery<S extends z.ZodType>(schema: S, req: Request): Readonly<z.infer<S>> {
  const at = req.url.indexOf('?');
  const text = at < 0 ? '' : req.url.slice(at + 1);
  let byText = parsedQueries.get(schema);
  if (!byText) parsedQueries.set(schema, (byText = new Map()));
  const known = byText.get(text) as z.infer<S> | undefined;
  if (known !== undefined) return known;
  const value = Object.freeze(parse(schema, req.query)) as z.infer<S>;
  if (byText.size >= MAX_PARSED_QUERIES) byText.clear();
  byText.set(text, value);
  return value;
}

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
