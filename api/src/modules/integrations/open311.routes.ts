import express, { Router, type Request, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import { errorHandler, notFoundHandler, type ErrorBody } from '../../http/error-handler';
import { AppError, notFound } from '../../http/errors';
import { limiter } from '../../http/rate-limit';
import { parse } from '../../http/validate';
import { apiKeyIdOf } from './api-keys';
import { JURISDICTION_ID, Open311Post, Open311Query } from '@hy/schemas/open311';
import { createRequest, getRequest, listRequests, listServices, requestOfToken, serviceDefinition } from './open311.service';

/** GeoReport v2 errors: a list of `{code, description}`, the code being the HTTP status. */
const open311Body: ErrorBody = ({ status, message, details }) => {
  const issues = Array.isArray(details) ? (details as { field?: unknown; message?: unknown }[]) : [];
  const fields = issues.filter((i) => typeof i.field === 'string').map((i) => `${String(i.field)}: ${String(i.message)}`);
  return [{ code: status, description: fields.length ? `${message} (${fields.join('; ')})` : message }];
};

/** The standard's "jurisdiction_id provided was not found" (404); leaving it out is fine here. */
const jurisdiction: RequestHandler = (req, _res, next) => {
  const given = req.query.jurisdiction_id ?? (req.body as Record<string, unknown> | undefined)?.jurisdiction_id;
  if (given !== undefined && given !== '' && given !== JURISDICTION_ID) throw notFound('Jurisdiction');
  next();
};

const REQUEST_ID = /^HY-\d{8}-\d{4,}$/;

/**
 * Open311 GeoReport v2 (JSON) under /open311/v2: the categories as services, anonymous-style tips
 * from integrators' keys, and the public list of non-sensitive requests (docs/integration.md).
 */
export function open311Routes(config: Pick<Config, 'rateLimits'>, log: Logger): Router {
  const router = Router();
  router.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 50 }));
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  router.use(jurisdiction);

  router.get('/discovery.json', (req, res) => {
    const changeset = '2026-11-30T00:00:00Z';
    res.json({
      changeset,
      contact: '衡阳市公安局 Hengyang Public Security Bureau — 衡阳群众 platform team',
      key_service: 'API keys are issued by the platform’s administrators (POST /api/admin/api-keys).',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${req.protocol}://${req.get('host')}/open311/v2`,
          changeset,
          type: 'production',
          formats: ['application/json'],
        },
      ],
    });
  });

  router.get('/services.json', (_req, res) => {
    res.json(listServices());
  });

  router.get('/services/:code.json', async (req, res) => {
    res.json(await serviceDefinition(req.params.code));
  });

  // One budget per key: a leaked key cannot bury a district's queue.
  const perKey = limiter({
    name: 'open311-key',
    isEnabled: config.rateLimits,
    windowMs: 60 * 60_000,
    limit: 600,
    key: (req) => `k:${keyOf.get(req)}`,
    message: 'Too many requests for this api_key; try again later',
  });
  const keyOf = new WeakMap<Request, string>();
  const requireKey: RequestHandler = async (req, _res, next) => {
    const id = await apiKeyIdOf(typeof req.body?.api_key === 'string' ? req.body.api_key : undefined);
    if (!id) throw new AppError('FORBIDDEN', 'api_key was not provided, is unknown or was revoked');
    keyOf.set(req, id);
    next();
  };
  router.post('/requests.json', requireKey, perKey, async (req, res) => {
    res.json(await createRequest(keyOf.get(req)!, parse(Open311Post, req.body ?? {})));
  });

  router.get('/requests.json', async (req, res) => {
    res.json(await listRequests(parse(Open311Query, req.query)));
  });

  router.get('/requests/:id.json', async (req, res) => {
    if (!REQUEST_ID.test(req.params.id)) throw notFound('Service request');
    res.json(await getRequest(req.params.id));
  });

  router.get('/tokens/:token.json', async (req, res) => {
    if (!/^[A-Za-z0-9_-]{10,64}$/.test(req.params.token)) throw notFound('Token');
    res.json(await requestOfToken(req.params.token));
  });

  router.use(notFoundHandler);
  router.use(errorHandler(log, open311Body));
  return router;
}
