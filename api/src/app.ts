import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import type { Config } from './config';
import { apiKeysRoutes } from './modules/integrations/api-keys.routes';
import { open311Routes } from './modules/integrations/open311.routes';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { AppError } from './http/errors';
import { requireStaffTotp } from './http/staff-totp-gate';
import { requestLog } from './http/request-log';
import { dispatchByFirstSegment } from './http/route-index';
import { helmetOptions, securityHeaders } from './http/security-headers';
import { loadWebShell } from './http/web-shell';
import { refuseNulInput } from './http/validate';
import { authRoutes } from './modules/auth/auth.routes';
import { referenceRoutes } from './modules/reference/reference.routes';
import { altchaRoutes } from './modules/altcha/altcha.routes';
import { tipsRoutes } from './modules/tips/tips.routes';
import { tipExportsRoutes } from './modules/tip-exports/tip-exports.routes';
import { tipMapRoutes } from './modules/tip-map/tip-map.routes';
import { triageRoutes } from './modules/triage/triage.routes';
import { casesRoutes } from './modules/cases/cases.routes';
import { trackingRoutes } from './modules/tracking/tracking.routes';
import { messagesRoutes } from './modules/messages/messages.routes';
import { identityRoutes } from './modules/identity/identity.routes';
import { pointsRoutes } from './modules/points/points.routes';
import { rewardsRoutes } from './modules/rewards/rewards.routes';
import { leaderboardsRoutes } from './modules/leaderboards/leaderboards.routes';
import { organizerRoutes } from './modules/organizer/organizer.routes';
import { accountsRoutes } from './modules/accounts/accounts.routes';
import { campaignsRoutes } from './modules/campaigns/campaigns.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { statsRoutes } from './modules/stats/stats.routes';
import { verificationsRoutes } from './modules/verifications/verifications.routes';
import { ROUTE_DOCS } from './openapi/document';
import { openApiRoutes } from './openapi/openapi.routes';
import { checkResponses } from './http/response-check';

export type AppDeps = {
  config: Config;
  log: Logger;
  /** Readiness: resolves when the database answers. */
  ping: () => Promise<void>;
};

/** One router per domain; a module adds itself here. */
function apiRouters(config: Config): Router[] {
  // tracking before messages: POST /tips/track/messages must not match /tips/:id/messages;
  // tip exports before tips: GET /tips/export.csv must not match /tips/:id
  return [referenceRoutes(), authRoutes(config), altchaRoutes(config), tipExportsRoutes(), tipsRoutes(config), triageRoutes(), casesRoutes(), trackingRoutes(config), messagesRoutes(config), identityRoutes(), pointsRoutes(), rewardsRoutes(), leaderboardsRoutes(), organizerRoutes(), accountsRoutes(), campaignsRoutes(), auditRoutes(), tipMapRoutes(config), verificationsRoutes(), statsRoutes(), apiKeysRoutes(), openApiRoutes()];
}

export function createApp({ config, log, ping }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');
  // ETags only where a cache may keep the answer (http/cacheable.ts), not a hash of every body.
  app.set('etag', false);

  app.use(requestLog(log));
  app.use(securityHeaders(helmetOptions(config.mapTiles.url)));
  if (config.checkResponses) app.use(checkResponses(ROUTE_DOCS));
  // Reads can be large (lists, the web app's files). A write answers with a small object, below
  // compression's 1 kB threshold, yet compression hooked every response (issue 12's profile).
  // A client that names no encoding gets the identity one whatever compression decides, so its
  // hooks (header negotiation, write wrappers: 5 % of a cached board request) are skipped for it.
  // API answers are made per request: gzip level 1 compresses JSON nearly as well as the default
  // level 6 (the map's 1,914 points: 85.8 KB against 83.0 KB) in 60 % of the time. The web app's
  // files keep the default level (fetched once, then kept by the browser for a year).
  const compressFile = compression();
  const compressAnswer = compression({ level: 1 });
  app.use((req, res, next) =>
    (req.method === 'GET' || req.method === 'HEAD') && req.headers['accept-encoding']
      ? (req.path.startsWith('/api/') ? compressAnswer : compressFile)(req, res, next)
      : next(),
  );
  // GET and HEAD carry no body the API reads: body-parser's checks are skipped for them.
  const json = express.json({ limit: '64kb', strict: true });
  app.use((req, res, next) => (req.method === 'GET' || req.method === 'HEAD' ? next() : json(req, res, next)));
  app.use(refuseNulInput);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref());
    try {
      await Promise.race([ping(), timeout]);
      res.json({ status: 'ready' });
    } catch {
      throw new AppError('UNAVAILABLE', 'Database unreachable', undefined, { 'Retry-After': '5' });
    }
  });

  const api = express.Router();
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  if (config.staffTotp === 'required') api.use(requireStaffTotp);
  api.use(dispatchByFirstSegment(apiRouters(config)));
  api.use(notFoundHandler);
  app.use('/api', api);
  app.use('/open311/v2', open311Routes(config, log));

  // api/src or api/dist → web/dist
  const webDist = config.webDist ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
  if (existsSync(path.join(webDist, 'index.html'))) {
    app.use(
      express.static(webDist, {
        index: false,
        setHeaders: (res, file) => {
          // Hashed assets never change; index.html must always be revalidated.
          res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      }),
    );
    const shell = loadWebShell(webDist);
    if (shell?.missingModules.length) log.warn({ modules: shell.missingModules }, 'web shell: page modules not in the build (http/web-shell.ts is out of date)');
    // Only app routes get the page: a missing file (a path with an extension) is a plain 404.
    app.get('/{*splat}', (req, res, next) => {
      if (!req.accepts('html') || path.extname(req.path) !== '') return next();
      res.setHeader('Cache-Control', 'no-cache');
      if (!shell) return res.sendFile(path.join(webDist, 'index.html'));
      const page = shell.pageFor(req.path, req.get('accept-language'));
      res.vary('Accept-Language');
      res.setHeader('ETag', page.etag);
      if (req.fresh) return res.status(304).end();
      res.type('html').send(page.html);
    });
  }
  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app;
}
