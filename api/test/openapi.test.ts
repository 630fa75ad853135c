import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'chai';
import express from 'express';
import supertest from 'supertest';
import { z } from 'zod';
import { checkResponses, takeResponseMismatches } from '../src/http/response-check';
import { ROUTE_DOCS } from '../src/openapi/document';
import { api, harness } from './support/harness';
import { createTip, createUser } from './support/factories';

type Doc = { openapi: string; paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>> };

type Layer = { rawPath?: unknown; handle: { stack?: Layer[] }; route?: { path: string; methods: Record<string, boolean> }; match: (path: string) => boolean };

/** Where the app mounts its routers (app.ts): a layer with a router below it is matched against these. */
const PREFIXES = ['/api', '/open311/v2'];

/** Every method + path the app answers, walked from Express's own router stack. */
function mountedRoutes(app: express.Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const [method, isOn] of Object.entries(layer.route.methods)) {
          if (isOn && method !== '_all') found.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
        }
      } else if (layer.handle.stack) {
        const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        const at = mount ? `${prefix}${mount}` : prefix;
        // A router mounted by app.use('/api', …) carries its prefix; module routers inside it have none.
        const prefixed = !mount && prefix === '' ? (PREFIXES.find((p) => layer.match(p)) ?? '') : at;
        walk(layer.handle.stack, prefixed);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return [...new Set(found)].sort();
}


const toOpenApi = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('OpenAPI document and reference', () => {
  let doc: Doc;
  before(async () => {
    const res = await api().get('/api/openapi.json').expect(200).expect('Content-Type', /json/);
    doc = res.body;
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).to.match(/^3\.1\./);
    const result = await new Validator().validate(structuredClone(doc) as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 2000)).to.deep.equal([]);
    expect(result.valid).to.equal(true);
  });

  it('describes every route the app mounts under /api and /open311/v2', () => {
    const mounted = mountedRoutes(harness().app).filter((r) => PREFIXES.some((p) => r.split(' ')[1].startsWith(`${p}/`)));
    expect(mounted.length).to.be.greaterThan(50);
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    const missing = mounted.filter((r) => !documented.has(toOpenApi(r)));
    expect(missing, 'routes mounted but not in /api/openapi.json').to.deep.equal([]);
  });

  it('documents only routes that exist', () => {
    const mounted = new Set(mountedRoutes(harness().app).map(toOpenApi));
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.filter((r) => !mounted.has(r))).to.deep.equal([]);
  });

  it('documents the response schema of every route that answers JSON', () => {
    const answersJson = ROUTE_DOCS.filter((d) => (d.ok.status ?? 200) !== 204 && (d.ok.contentType ?? 'application/json') === 'application/json');
    const without = answersJson.filter((d) => !d.ok.schema).map((d) => `${d.method.toUpperCase()} ${d.path}`);
    expect(without, 'JSON routes without ok.schema').to.deep.equal([]);
  });

  it('the response check reports an undocumented field, a wrong status and a bad error body (config.checkResponses)', async () => {
    const app = express();
    app.use(checkResponses([{ method: 'get', path: '/things/:id', tag: 't', summary: 's', access: 'anyone', ok: { description: 'd', schema: z.strictObject({ id: z.string() }) } }]));
    app.get('/things/:id', (req, res) => {
      if (req.params.id === 'leak') res.json({ id: 'leak', reporterId: 'u1' });
      else if (req.params.id === 'created') res.status(201).json({ id: 'created' });
      else if (req.params.id === 'bad') res.status(404).json({ message: 'no' });
      else res.json({ id: req.params.id });
    });
    for (const id of ['fine', 'leak', 'created', 'bad']) await supertest(app).get(`/things/${id}`);
    const found = takeResponseMismatches();
    expect(found.map((m) => `${m.route} ${m.status} ${m.issues[0].code}`)).to.deep.equal([
      'GET /things/:id 200 unrecognized_keys',
      'GET /things/:id 201 custom',
      'GET /things/:id 404 invalid_type',
    ]);
    expect(takeResponseMismatches()).to.deep.equal([]);
  });

  describe('real answers match their documented schemas', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    const check = (method: string, path: string, status: number, body: unknown) => {
      if (!ajv.getSchema('openapi.json')) ajv.addSchema({ ...doc, $id: 'openapi.json' });
      const pointer = `/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/${method}/responses/${status}/content/application~1json/schema`;
      const validate = ajv.compile({ $ref: `openapi.json#${pointer}` });
      expect(validate(body), JSON.stringify(validate.errors, null, 1)).to.equal(true);
    };

    it('POST /api/tips, GET /api/tips/mine and GET /api/tips/{id} for the reporter and for police', async () => {
      const volunteer = await createUser({ role: 'volunteer', districtId: 1 });
      const officer = await createUser({ role: 'officer', districtId: 1 });
      const created = await api()
        .post('/api/tips')
        .set(volunteer.auth)
        .send({ category: 'fraud', description: '有人冒充公检法打电话要求转账。', occurredAt: new Date().toISOString(), lat: 26.9, lng: 112.6, districtId: 1 })
        .expect(201);
      check('post', '/api/tips', 201, created.body);
      const mine = await api().get('/api/tips/mine').set(volunteer.auth);
      expect(mine.status, JSON.stringify(mine.body)).to.equal(200);
      check('get', '/api/tips/mine', 200, mine.body);
      const { tip } = await createTip(volunteer);
      check('get', '/api/tips/{id}', 200, (await api().get(`/api/tips/${tip.id}`).set(volunteer.auth).expect(200)).body);
      check('get', '/api/tips/{id}', 200, (await api().get(`/api/tips/${tip.id}`).set(officer.auth).expect(200)).body);
    });

    it('error bodies: 400, 401 and 404', async () => {
      const volunteer = await createUser({ role: 'volunteer', districtId: 1 });
      check('post', '/api/tips', 400, (await api().post('/api/tips').set(volunteer.auth).send({ category: 'nope' }).expect(400)).body);
      check('get', '/api/tips/mine', 401, (await api().get('/api/tips/mine').expect(401)).body);
      check('get', '/api/tips/{id}', 404, (await api().get('/api/tips/00000000-0000-4000-8000-000000000000').set(volunteer.auth).expect(404)).body);
    });
  });

  it('serves the interactive reference at /api/docs, its script and styles from this server', async () => {
    const page = await api().get('/api/docs').expect(200).expect('Content-Type', /html/);
    expect(page.text).to.include('swagger-ui');
    expect(page.text).not.to.match(/https?:\/\//);
    await api().get('/api/docs/assets/swagger-ui-bundle.js').expect(200).expect('Content-Type', /javascript/);
    await api().get('/api/docs/assets/swagger-ui.css').expect(200).expect('Content-Type', /css/);
    await api().get('/api/docs/start.js').expect(200).expect('Content-Type', /javascript/);
  });
});
