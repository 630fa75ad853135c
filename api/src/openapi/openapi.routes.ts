import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router } from 'express';
import { openApiDocument } from './document';

/** Swagger UI's files, served from the installed package: the reference works without the internet. */
const swaggerUiDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** No inline script (the app's CSP allows none): the page loads its start-up from this route. */
const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hengyang Masses API reference</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/start.js"></script>
</body>
</html>
`;

const START_SCRIPT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null, tryItOutEnabled: false });\n`;

/** GET /api/openapi.json (OpenAPI 3.1, generated from the schemas) and GET /api/docs (Swagger UI). */
export function openApiRoutes(): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.json(openApiDocument());
  });
  router.get('/docs', (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.type('html').send(DOCS_PAGE);
  });
  router.get('/docs/start.js', (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.type('js').send(START_SCRIPT);
  });
  router.use(
    '/docs/assets',
    express.static(swaggerUiDir, { index: false, setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=86400') }),
  );
  return router;
}
