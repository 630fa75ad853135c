import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { accountsDocs } from '../modules/accounts/accounts.openapi';
import { altchaDocs } from '../modules/altcha/altcha.openapi';
import { auditDocs } from '../modules/audit/audit.openapi';
import { authDocs } from '../modules/auth/auth.openapi';
import { campaignsDocs } from '../modules/campaigns/campaigns.openapi';
import { casesDocs } from '../modules/cases/cases.openapi';
import { identityDocs } from '../modules/identity/identity.openapi';
import { apiKeysDocs } from '../modules/integrations/api-keys.openapi';
import { open311Docs } from '../modules/integrations/open311.openapi';
import { leaderboardsDocs } from '../modules/leaderboards/leaderboards.openapi';
import { messagesDocs } from '../modules/messages/messages.openapi';
import { organizerDocs } from '../modules/organizer/organizer.openapi';
import { pointsDocs } from '../modules/points/points.openapi';
import { referenceDocs } from '../modules/reference/reference.openapi';
import { rewardsDocs } from '../modules/rewards/rewards.openapi';
import { statsDocs } from '../modules/stats/stats.openapi';
import { tipExportsDocs } from '../modules/tip-exports/tip-exports.openapi';
import { tipMapDocs } from '../modules/tip-map/tip-map.openapi';
import { tipsDocs } from '../modules/tips/tips.openapi';
import { trackingDocs } from '../modules/tracking/tracking.openapi';
import { triageDocs } from '../modules/triage/triage.openapi';
import { verificationsDocs } from '../modules/verifications/verifications.openapi';
import { openApiDocs } from './openapi.openapi';
import { toRouteConfig, type RouteDoc } from './route-doc';

/** Every module's routes, in the order the app mounts them. */
export const ROUTE_DOCS: RouteDoc[] = [
  ...referenceDocs,
  ...authDocs,
  ...altchaDocs,
  ...tipExportsDocs,
  ...tipsDocs,
  ...triageDocs,
  ...casesDocs,
  ...trackingDocs,
  ...messagesDocs,
  ...identityDocs,
  ...pointsDocs,
  ...rewardsDocs,
  ...leaderboardsDocs,
  ...organizerDocs,
  ...accountsDocs,
  ...campaignsDocs,
  ...auditDocs,
  ...tipMapDocs,
  ...verificationsDocs,
  ...statsDocs,
  ...apiKeysDocs,
  ...openApiDocs,
  ...open311Docs,
];

type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

let built: OpenApiDocument | undefined;

/** GET /api/openapi.json: generated once from the zod schemas the routes validate with. */
export function openApiDocument(): OpenApiDocument {
  if (built) return built;
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'The access token of POST /api/auth/login (15 minutes); renew it with POST /api/auth/refresh.',
  });
  registry.registerComponent('securitySchemes', 'open311ApiKey', {
    type: 'apiKey',
    in: 'query',
    name: 'api_key',
    description: 'An integrator’s key (POST /api/admin/api-keys), sent as the `api_key` field of the form-encoded POST, as GeoReport v2 has it.',
  });
  for (const doc of ROUTE_DOCS) registry.registerPath(toRouteConfig(doc));
  built = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Hengyang Masses (衡阳群众) API',
      version: '1.0.0',
      description:
        'Volunteer tips, police triage, points and rewards; Open311 GeoReport v2 for integrators. ' +
        'Conventions (errors, dates, pages, idempotency, budgets): docs/api.md.',
    },
    servers: [{ url: '/' }],
    tags: [...new Set(ROUTE_DOCS.map((d) => d.tag))].map((name) => ({ name })),
  });
  return built;
}
