import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import type supertest from 'supertest';
import { apiKeys, auditLog, open311Requests, tips } from '../src/db/schema/index';
import { api, db } from './support/harness';
import { createTip, createUser, type TestUser } from './support/factories';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, strictRequired: false });
addFormats.default(ajv);
const schema = (name: string): ValidateFunction =>
  ajv.compile(JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/open311', `${name}.schema.json`), 'utf8')) as object);
const SCHEMAS = {
  discovery: schema('discovery'),
  services: schema('services'),
  definition: schema('service-definition'),
  post: schema('post-request'),
  requests: schema('requests'),
  token: schema('token'),
  errors: schema('errors'),
};

/** The response is JSON and valid against the GeoReport v2 schema named. */
function conforms(res: supertest.Response, name: keyof typeof SCHEMAS): void {
  expect(res.headers['content-type']).to.match(/^application\/json/);
  const validate = SCHEMAS[name];
  expect(validate(res.body), `${name}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(res.body).slice(0, 500)}`).to.equal(true);
}

/** An error in the standard's shape, with the HTTP status as its code. */
function standardError(res: supertest.Response, status: number): string {
  expect(res.status).to.equal(status);
  conforms(res, 'errors');
  expect(res.body[0].code).to.equal(status);
  return res.body[0].description as string;
}

const V2 = '/open311/v2';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

const postRequest = (fields: Record<string, string>) =>
  api().post(`${V2}/requests.json`).set('Content-Type', 'application/x-www-form-urlencoded; charset=utf-8').send(form(fields));

const validFields = (key: string, overrides: Record<string, string> = {}) => ({
  api_key: key,
  service_code: 'traffic',
  lat: '26.893612',
  long: '112.571934',
  address_string: '雁峰区先锋路与解放路路口',
  description: '路口红绿灯坏了三天，早晚高峰车辆乱行很危险。',
  'attribute[district]': '1',
  email: 'caller@example.com',
  first_name: '张',
  phone: '13912345678',
  ...overrides,
});

describe('Open311 GeoReport v2 (/open311/v2, JSON)', () => {
  let admin: TestUser;
  let key: string;
  let keyId: string;

  before(async () => {
    admin = await createUser({ role: 'admin' });
    const res = await api().post('/api/admin/api-keys').set(admin.auth).send({ name: '12345 市民热线' }).expect(201);
    key = res.body.key;
    keyId = res.body.apiKey.id;
  });

  describe('API keys (admin)', () => {
    it('shows a key once, stores only its hash, lists it by prefix and audits the issue', async () => {
      expect(key).to.match(/^hy_[A-Za-z0-9_-]{43}$/);
      const [row] = await db().select().from(apiKeys).where(eq(apiKeys.id, keyId));
      expect(row.keyHash).to.match(/^[0-9a-f]{64}$/).and.not.include(key);
      expect(JSON.stringify(row)).to.not.include(key.slice(3));
      const list = await api().get('/api/admin/api-keys').set(admin.auth).expect(200);
      const listed = list.body.apiKeys.find((k: { id: string }) => k.id === keyId);
      expect(listed).to.include({ name: '12345 市民热线', prefix: key.slice(0, 8), revokedAt: null });
      expect(JSON.stringify(list.body)).to.not.include(key);
      const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, keyId));
      expect(audit.map((a) => a.action)).to.deep.equal(['api_key.create']);
      expect(JSON.stringify(audit)).to.not.include(key);
    });

    it('is for admins only, and refuses a nameless key', async () => {
      for (const role of ['volunteer', 'officer', 'supervisor', 'organizer'] as const) {
        const user = await createUser({ role, districtId: 1 });
        await api().post('/api/admin/api-keys').set(user.auth).send({ name: 'x 系统' }).expect(403);
        await api().get('/api/admin/api-keys').set(user.auth).expect(403);
      }
      await api().get('/api/admin/api-keys').expect(401);
      const res = await api().post('/api/admin/api-keys').set(admin.auth).send({ name: '' }).expect(400);
      expect(res.body.error.code).to.equal('VALIDATION');
    });
  });

  it('describes itself: discovery, services (the categories) and each service definition', async () => {
    conforms(await api().get(`${V2}/discovery.json`).expect(200), 'discovery');
    const services = await api().get(`${V2}/services.json`).expect(200);
    conforms(services, 'services');
    const codes = services.body.map((s: { service_code: string }) => s.service_code);
    expect(codes).to.include.members(['fraud', 'traffic', 'drugs', 'other']);
    const definition = await api().get(`${V2}/services/traffic.json`).expect(200);
    conforms(definition, 'definition');
    const district = definition.body.attributes.find((a: { code: string }) => a.code === 'district');
    expect(district).to.include({ required: true, datatype: 'singlevaluelist' });
    expect(district.values).to.have.length(12);
    standardError(await api().get(`${V2}/services/parking.json`), 404);
    standardError(await api().get(`${V2}/services.json?jurisdiction_id=sfgov.org`), 404);
    conforms(await api().get(`${V2}/services.json?jurisdiction_id=hengyang.gov.cn`).expect(200), 'services');
  });

  it('takes a request with a key as an anonymous tip (no identity kept) and finds it by id and by token', async () => {
    const res = await postRequest(validFields(key)).expect(200);
    conforms(res, 'post');
    const [{ service_request_id: reference, token }] = res.body;
    const [tip] = await db().select().from(tips).where(eq(tips.reference, reference));
    expect(tip).to.include({ isAnonymous: true, reporterId: null, category: 'traffic', districtId: 1, status: 'submitted' });
    expect(JSON.stringify(tip)).to.not.match(/caller@example|13912345678/);
    const [link] = await db().select().from(open311Requests).where(eq(open311Requests.tipId, tip.id));
    expect(link).to.include({ apiKeyId: keyId, token });

    const byToken = await api().get(`${V2}/tokens/${token}.json`).expect(200);
    conforms(byToken, 'token');
    expect(byToken.body).to.deep.equal([{ service_request_id: reference, token }]);

    const one = await api().get(`${V2}/requests/${reference}.json`).expect(200);
    conforms(one, 'requests');
    expect(one.body).to.have.length(1);
    expect(one.body[0]).to.include({ service_request_id: reference, status: 'open', service_code: 'traffic', lat: 26.894, long: 112.572 });
    // Public by the standard: no text, no address, no person, time to the hour.
    expect(one.body[0]).to.not.have.any.keys('description', 'address', 'address_id', 'media_url');
    expect(one.body[0].requested_datetime).to.match(/T\d{2}:00:00Z$/);
  });

  it('lists only non-sensitive requests, with statuses open and closed, filtered by code, status and ids', async () => {
    const reporter = await createUser({ role: 'volunteer', districtId: 2 });
    const fraud = (await createTip(reporter, { category: 'fraud', districtId: 2 })).tip;
    const drugs = (await createTip(null, { category: 'drugs', districtId: 2 })).tip;
    await db().update(tips).set({ status: 'valid' }).where(eq(tips.id, fraud.id));

    const all = await api().get(`${V2}/requests.json`).expect(200);
    conforms(all, 'requests');
    const ids = all.body.map((r: { service_request_id: string }) => r.service_request_id);
    expect(ids).to.include(fraud.reference).and.not.include(drugs.reference);
    expect(all.body.find((r: { service_request_id: string }) => r.service_request_id === fraud.reference).status).to.equal('closed');
    expect(JSON.stringify(all.body)).to.not.include(reporter.user.displayName);

    const closedFraud = await api().get(`${V2}/requests.json?service_code=fraud&status=closed`).expect(200);
    conforms(closedFraud, 'requests');
    expect(closedFraud.body.every((r: { service_code: string; status: string }) => r.service_code === 'fraud' && r.status === 'closed')).to.equal(true);
    expect(closedFraud.body.map((r: { service_request_id: string }) => r.service_request_id)).to.include(fraud.reference);

    const byIds = await api().get(`${V2}/requests.json?service_request_id=${fraud.reference},${drugs.reference}`).expect(200);
    expect(byIds.body.map((r: { service_request_id: string }) => r.service_request_id)).to.deep.equal([fraud.reference]);
    standardError(await api().get(`${V2}/requests/${drugs.reference}.json`), 404);
    expect(await api().get(`${V2}/requests.json?service_code=drugs`).expect(200).then((r) => r.body)).to.deep.equal([]);
  });

  it('answers bad input with the standard’s errors: missing or revoked key 403, bad fields 400, unknown ids 404', async () => {
    expect(standardError(await postRequest(validFields('')), 403)).to.match(/api_key/);
    expect(standardError(await postRequest(validFields('hy_not-a-real-key')), 403)).to.match(/api_key/);
    expect(standardError(await postRequest(validFields(key, { service_code: 'parking' })), 400)).to.include('service_code');
    expect(standardError(await postRequest(validFields(key, { 'attribute[district]': '' })), 400)).to.include('attribute[district]');
    expect(standardError(await postRequest(validFields(key, { lat: '40.1' })), 400)).to.include('lat');
    expect(standardError(await postRequest(validFields(key, { description: 'a\u0000b 路口红绿灯坏了三天' })), 400)).to.include('description');
    expect(standardError(await postRequest(validFields(key, { surprise: '1' })), 400)).to.include('surprise');
    standardError(await postRequest(validFields(key, { 'attribute[district]': '99' })), 400);
    standardError(await api().get(`${V2}/requests.json?start_date=2026-02-30`), 400);
    standardError(await api().get(`${V2}/requests.json?status=pending`), 400);
    standardError(await api().get(`${V2}/requests/HY-20260101-0001.json`), 404);
    standardError(await api().get(`${V2}/tokens/no-such-token-here.json`), 404);
    standardError(await api().get(`${V2}/services.xml`), 404);

    const before = await db().select().from(tips);
    const other = await api().post('/api/admin/api-keys').set(admin.auth).send({ name: '区县系统' }).expect(201);
    await api().delete(`/api/admin/api-keys/${other.body.apiKey.id}`).set(admin.auth).expect(200);
    expect(standardError(await postRequest(validFields(other.body.key)), 403)).to.match(/revoked/);
    expect(await db().select().from(tips)).to.have.length(before.length);
  });
});
