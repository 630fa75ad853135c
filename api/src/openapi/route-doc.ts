import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Role } from '../http/actor';
import { statusByCode } from '../http/errors';

/**
 * One mounted route as the OpenAPI document describes it. Each module lists its routes in
 * `<module>.openapi.ts` with the same zod schemas its routes parse with; api/test/openapi.test.ts
 * fails when a route the app mounts is not listed.
 */
export type RouteDoc = {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** As Express mounts it, prefix included: `/api/tips/:id`, `/open311/v2/services/:code.json`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /**
   * Who may call: `anyone`; `optional` (anonymous or signed in: a present token must be valid);
   * `signed-in`; a list of roles; `api-key` (an Open311 integrator's key).
   */
  access: 'anyone' | 'optional' | 'signed-in' | readonly Role[] | 'api-key';
  body?: z.ZodType;
  /** How the body may be sent (default: JSON). */
  bodyAs?: readonly ('json' | 'multipart' | 'form')[];
  query?: z.ZodObject;
  /** Path parameters; those not named here are documented as UUIDs (`id`, `…Id`) or strings. */
  params?: z.ZodObject;
  headers?: z.ZodObject;
  ok: {
    status?: number;
    description: string;
    schema?: z.ZodType;
    contentType?: string;
    headers?: Record<string, string>;
    /** Another success status with the same body, and when it is given (a retry of a check-in: 200 instead of 201). */
    also?: { status: number; description: string };
  };
  /** Error statuses besides those that follow from the input and the access. */
  errors?: readonly number[];
  /** Errors as GeoReport v2 writes them (`[{code, description}]`) instead of the API's error body. */
  isOpen311?: boolean;
};

type Code = keyof typeof statusByCode;
const CODES = Object.keys(statusByCode) as [Code, ...Code[]];

/** Every error answer of /api: `{error: {code, message, details?}}`. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(CODES).meta({ description: 'What went wrong, for programs (the web shows a sentence per code in the page language).' }),
      message: z.string().meta({ description: 'English, for logs and integrators.' }),
      details: z
        .unknown()
        .optional()
        .meta({ description: 'VALIDATION: `[{field, message}]`, one per bad field; RATE_LIMITED: `{retryAfterSeconds}`.' }),
    }),
  })
  .meta({ id: 'Error' });

/** GeoReport v2 errors. */
export const Open311Errors = z.array(z.object({ code: z.number().int(), description: z.string() })).meta({ id: 'Open311Errors' });

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad input',
  401: 'Not signed in, or the token is invalid or expired',
  403: 'Not allowed for this role',
  404: 'Not found (also anything outside the caller’s scope)',
  409: 'Conflict with the current state',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Understood but refused',
  429: 'Over the request budget (see Retry-After)',
  503: 'Unavailable',
  507: 'Out of storage',
};

function errorResponse(status: number, isOpen311: boolean) {
  const codes = CODES.filter((c) => statusByCode[c] === status);
  const description = `${STATUS_TEXT[status] ?? 'Error'}${isOpen311 ? '' : `: ${codes.map((c) => `\`${c}\``).join(', ')}`}`;
  return { description, content: { 'application/json': { schema: isOpen311 ? Open311Errors : ErrorBody } } };
}

const Binary = z.string().meta({ format: 'binary' });

const MEDIA: Record<'json' | 'multipart' | 'form', string> = {
  json: 'application/json',
  multipart: 'multipart/form-data',
  form: 'application/x-www-form-urlencoded',
};

/** `/api/tips/:id` → `/api/tips/{id}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

export function toRouteConfig(doc: RouteDoc): RouteConfig {
  const named = [...doc.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);
  const given = doc.params?.shape ?? {};
  const params = named.length > 0 ? z.object(Object.fromEntries(named.map((n) => [n, (given[n] as z.ZodType | undefined) ?? (/^id$|Id$/.test(n) ? z.uuid() : z.string())]))) : undefined;
  const isSignedIn = doc.access !== 'anyone' && doc.access !== 'optional' && doc.access !== 'api-key';
  const statuses = new Set<number>(doc.errors ?? []);
  if (doc.body || doc.query || params) statuses.add(400);
  if (isSignedIn || doc.access === 'optional') statuses.add(401);
  if (Array.isArray(doc.access) || doc.access === 'api-key') statuses.add(403);
  if (params) statuses.add(404);
  const okStatus = doc.ok.status ?? 200;
  const okContent =
    okStatus === 204 ? undefined : { [doc.ok.contentType ?? 'application/json']: { schema: doc.ok.schema ?? (doc.ok.contentType ? Binary : z.object({})) } };
  const roles = Array.isArray(doc.access) ? `Roles: ${doc.access.join(', ')}.` : '';
  return {
    method: doc.method,
    path: openApiPath(doc.path),
    tags: [doc.tag],
    summary: doc.summary,
    description: [doc.description, roles].filter(Boolean).join('\n\n') || undefined,
    security:
      doc.access === 'anyone' ? [] : doc.access === 'optional' ? [{}, { bearer: [] }] : doc.access === 'api-key' ? [{ open311ApiKey: [] }] : [{ bearer: [] }],
    request: {
      params,
      query: doc.query,
      headers: doc.headers,
      body: doc.body
        ? { required: true, content: Object.fromEntries((doc.bodyAs ?? ['json']).map((as) => [MEDIA[as], { schema: doc.body! }])) }
        : undefined,
    },
    responses: {
      [okStatus]: { description: doc.ok.description, content: okContent, headers: doc.ok.headers ? Object.fromEntries(Object.entries(doc.ok.headers).map(([k, d]) => [k, { description: d, schema: { type: 'string' } }])) : undefined },
      ...(doc.ok.also ? { [doc.ok.also.status]: { description: doc.ok.also.description, content: okContent } } : {}),
      ...Object.fromEntries([...statuses].sort().map((s) => [s, errorResponse(s, doc.isOpen311 ?? false)])),
    },
  };
}
