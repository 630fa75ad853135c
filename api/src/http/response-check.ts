import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { CHECK_JSON } from './json-text';
import { ErrorBody, Open311Errors, type RouteDoc } from '../openapi/route-doc';

/** A JSON answer that is not what the OpenAPI document promises for its route and status. */
export type ResponseMismatch = { route: string; status: number; issues: z.core.$ZodIssue[] };

const found: ResponseMismatch[] = [];

/** The mismatches seen since the last call, and forget them (the test hooks fail the test that caused them). */
export function takeResponseMismatches(): ResponseMismatch[] {
  return found.splice(0);
}

/**
 * `config.checkResponses` (tests, never production): every JSON answer is parsed with the schema its
 * RouteDoc documents — `ok.schema` for a success, the error body for 4xx/5xx — so the test suite
 * proves the OpenAPI document true. Response schemas are strict objects: a field the document does
 * not name (a reporter's id in a police answer, say) is a mismatch too.
 */
export function checkResponses(docs: readonly RouteDoc[]): RequestHandler {
  const byRoute = new Map(docs.map((d) => [`${d.method.toUpperCase()} ${d.path}`, d]));
  return (req, res, next) => {
    const json = res.json.bind(res);
    const check = (body: unknown) => {
      const method = req.method === 'HEAD' ? 'GET' : req.method;
      const path = req.route ? `${req.baseUrl}${String(req.route.path)}` : req.originalUrl.split('?')[0];
      const route = `${method} ${path}`;
      const status = res.statusCode;
      const doc = req.route ? byRoute.get(route) : undefined;
      let schema: z.ZodType | undefined;
      if (status >= 400) schema = req.originalUrl.startsWith('/open311/') ? Open311Errors : ErrorBody;
      else if (doc?.ok.schema) {
        const expected = [doc.ok.status ?? 200, ...(doc.ok.also ? [doc.ok.also.status] : [])];
        if (!expected.includes(status))
          record(req, { route, status, issues: [{ code: 'custom', path: [], message: `documented status is ${expected.join(' or ')}`, input: undefined }] });
        schema = doc.ok.schema;
      }
      if (schema) {
        // What the client reads: dates as strings, undefined fields gone.
        const sent: unknown = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
        const parsed = schema.safeParse(sent);
        if (!parsed.success) record(req, { route, status, issues: parsed.error.issues });
      }
    };
    res.json = (body: unknown) => {
      check(body);
      return json(body);
    };
    res.locals[CHECK_JSON] = check;
    next();
  };
}

function record(req: Parameters<RequestHandler>[0], mismatch: ResponseMismatch) {
  found.push(mismatch);
  req.log?.error({ route: mismatch.route, status: mismatch.status, issues: mismatch.issues }, 'response does not match its documented schema');
}
