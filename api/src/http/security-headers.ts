import type { Request, RequestHandler, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/** The CSP source of the base map's tiles (`{s}` subdomains as a wildcard); none for a path on this server. */
function tileSources(template: string): string[] {
  if (template.startsWith('/')) return [];
  const url = new URL(template.replace('{s}', 'tile-subdomain').replace(/\{[a-z]\}/g, '0'));
  // CSP wildcards stand for a whole leftmost label: `webrd0{s}.example.com` becomes `*.example.com`.
  const host = url.host.replace(/^[^.]*tile-subdomain[^.]*/, '*');
  return [`${url.protocol}//${host}`];
}

export function helmetOptions(mapTileUrl: string): HelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'blob:', 'data:', ...tileSources(mapTileUrl)],
        connectSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * helmet's headers, recorded once at start and set in one step on every response. With these
 * options (no per-request CSP nonce) helmet writes the same headers whatever the request, but
 * through a dozen middlewares per response (issue 14's profile); the headers themselves are
 * exactly helmet's (test/http.test.ts compares them).
 */
export function securityHeaders(options: HelmetOptions): RequestHandler {
  const headers: [string, string][] = [];
  let isDone = false;
  const recorder = {
    setHeader: (name: string, value: string | number) => void headers.push([name, String(value)]),
    // X-Powered-By: the app never sets it (app.disable('x-powered-by')).
    removeHeader: () => undefined,
  };
  helmet(options)({} as Request, recorder as unknown as Response, (err?: unknown) => {
    if (err) throw err;
    isDone = true;
  });
  if (!isDone) throw new Error('helmet did not finish synchronously: its headers cannot be recorded');
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
