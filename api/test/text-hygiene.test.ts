import { Writable } from 'node:stream';
import { expect } from 'chai';
import { count, eq, sql } from 'drizzle-orm';
import express from 'express';
import supertest from 'supertest';
import { cases, messages, rewards, tips, users } from '../src/db/schema/index';
import { errorHandler } from '../src/http/error-handler';
import { createLogger } from '../src/lib/logger';
import { createTip, createUser, validTipInput, type TestUser } from './support/factories';
import { api, db } from './support/harness';
import { multipart, tipFields, tipRowCounts } from './support/uploads';

/** Issue 11, "500s from bad input" and "Invisible characters": one test per finding. */

const NUL = '\u0000';
const RLO = '\u202E';
const ZWSP = '\u200B';

/** A valid tip as a JSON body. */
const jsonTip = (overrides: Record<string, unknown> = {}) => ({ ...validTipInput(), occurredAt: validTipInput().occurredAt.toISOString(), ...overrides });

const rowsOf = async (table: typeof cases | typeof rewards | typeof messages) => (await db().select({ n: count() }).from(table))[0].n;

/** A 400 in the contract's shape naming the field, never a 500. */
function expectValidation(res: supertest.Response, field: string): void {
  expect(res.status, res.text).to.equal(400);
  expect(res.headers['content-type']).to.match(/^application\/json/);
  expect(res.body.error.code).to.equal('VALIDATION');
  expect(res.body.error.details.map((d: { field: string }) => d.field)).to.include(field);
}

describe('text hygiene: bad input is refused with 400, never a 500', () => {
  let volunteer: TestUser;
  let officer: TestUser;
  let admin: TestUser;
  before(async () => {
    [volunteer, officer, admin] = await Promise.all([
      createUser({ role: 'volunteer', districtId: 1 }),
      createUser({ role: 'officer', districtId: 1 }),
      createUser({ role: 'admin' }),
    ]);
  });

  describe('a NUL character (U+0000)', () => {
    it('in a tip description (JSON) is 400 and writes nothing', async () => {
      const before = await tipRowCounts();
      const res = await api().post('/api/tips').set(volunteer.auth).send(jsonTip({ description: `有人在小区门口${NUL}贩卖可疑物品。` }));
      expectValidation(res, 'description');
      expect(await tipRowCounts()).to.deep.equal(before);
    });

    it('in a tip address (multipart) is 400 and writes nothing', async () => {
      const before = await tipRowCounts();
      const form = multipart(tipFields({ address: `雁峰区${NUL}先锋路` }));
      const res = await api().post('/api/tips').set(volunteer.auth).set('Content-Type', form.contentType).send(form.body);
      expectValidation(res, 'address');
      expect(await tipRowCounts()).to.deep.equal(before);
    });

    it('in the login phone is 400', async () => {
      const res = await api().post('/api/auth/login').send({ phone: `1380000${NUL}0001`, password: 'whatever-it-is' });
      expectValidation(res, 'phone');
    });

    it('in a case title is 400 and writes nothing', async () => {
      const before = await rowsOf(cases);
      const res = await api().post('/api/cases').set(officer.auth).send({ title: `电信诈骗${NUL}串案` });
      expectValidation(res, 'title');
      expect(await rowsOf(cases)).to.equal(before);
    });

    it("in the queue's q is 400", async () => {
      const res = await api().get(`/api/queue?q=${encodeURIComponent(`转账${NUL}`)}`).set(officer.auth);
      expectValidation(res, 'q');
    });

    it('in a reward name is 400 and writes nothing', async () => {
      const before = await rowsOf(rewards);
      const res = await api().post('/api/rewards').set(admin.auth).send({ nameZh: `电影票${NUL}`, nameEn: 'Cinema ticket', cost: 50, stock: 10 });
      expectValidation(res, 'nameZh');
      expect(await rowsOf(rewards)).to.equal(before);
    });

    it('in a message is 400 (refused, not silently stripped) and writes nothing', async () => {
      const tip = (await createTip(volunteer)).tip;
      const before = await rowsOf(messages);
      const res = await api().post(`/api/tips/${tip.id}/messages`).set(volunteer.auth).send({ body: `补充一点${NUL}情况` });
      expectValidation(res, 'body');
      expect(await rowsOf(messages)).to.equal(before);
    });

    it('in a field no schema reads as text (a cursor) is still 400', async () => {
      const res = await api().get(`/api/tips/mine?cursor=${encodeURIComponent(`abc${NUL}`)}`).set(volunteer.auth);
      expectValidation(res, 'cursor');
    });
  });

  describe('dates', () => {
    it('refuses queue filters at the edges of JavaScript dates with 400', async () => {
      expectValidation(await api().get('/api/queue?from=-271821-04-20').set(officer.auth), 'from');
      expectValidation(await api().get('/api/queue?to=275760-09-13').set(officer.auth), 'to');
      expectValidation(await api().get(`/api/queue?from=${encodeURIComponent('+275760-09-13T00:00:00.000Z')}`).set(officer.auth), 'from');
      expectValidation(await api().get('/api/queue?from=1999-12-31').set(officer.auth), 'from');
      expectValidation(await api().get('/api/queue?to=2101-01-01').set(officer.auth), 'to');
    });

    it('still accepts a day or an ISO date-time inside 2000–2100', async () => {
      await api().get('/api/queue?from=2000-01-01&to=2100-12-31').set(officer.auth).expect(200);
      await api().get(`/api/queue?from=${encodeURIComponent('2026-01-05T08:00:00+08:00')}`).set(officer.auth).expect(200);
    });

    it("refuses a reward's activeFrom / activeUntil at the edges with 400 and writes nothing", async () => {
      const before = await rowsOf(rewards);
      const reward = { nameZh: '电影票', nameEn: 'Cinema ticket', cost: 50, stock: 10 };
      for (const [field, value] of [
        ['activeFrom', '-271821-04-20T00:00:00.000Z'],
        ['activeUntil', '+275760-09-13T00:00:00.000Z'],
        ['activeFrom', '1970-01-01T00:00:00.000Z'],
        ['activeUntil', 8_640_000_000_000_000],
      ] as const) {
        expectValidation(await api().post('/api/rewards').set(admin.auth).send({ ...reward, [field]: value }), field);
      }
      expect(await rowsOf(rewards)).to.equal(before);
    });

    it('refuses occurredAt of 2026-02-30 (no rolling over into March) and writes nothing', async () => {
      const before = await tipRowCounts();
      for (const occurredAt of ['2026-02-30', '2026-02-30T10:00:00.000Z', '2025-02-29T10:00:00Z', '2026-04-31T10:00:00+08:00', '2026-01-01T24:30:00Z']) {
        expectValidation(await api().post('/api/tips').set(volunteer.auth).send(jsonTip({ occurredAt })), 'occurredAt');
      }
      expect(await tipRowCounts()).to.deep.equal(before);
    });

    it('stores an occurredAt with an offset as the same instant', async () => {
      const res = await api().post('/api/tips').set(volunteer.auth).send(jsonTip({ occurredAt: '2026-02-28T23:30:00+08:00' })).expect(201);
      const [row] = await db().select().from(tips).where(eq(tips.id, res.body.tip.id));
      expect(row.occurredAt.toISOString()).to.equal('2026-02-28T15:30:00.000Z');
    });
  });

  describe('invisible characters and Unicode normalisation', () => {
    it('stores a description and address without bidi overrides and zero-width characters', async () => {
      const res = await api()
        .post('/api/tips')
        .set(volunteer.auth)
        .send(jsonTip({ description: `收款账户${RLO}6225 8801${ZWSP}2345\u2066，对方\u200E自称\uFEFF客服。\u2069`, address: `\u061C蒸湘区${ZWSP}解放大道\u202A` }))
        .expect(201);
      const read = await api().get(`/api/tips/${res.body.tip.id}`).set(volunteer.auth).expect(200);
      expect(read.body.tip.description).to.equal('收款账户6225 88012345，对方自称客服。');
      expect(read.body.tip.address).to.equal('蒸湘区解放大道');
      const [row] = await db().select().from(tips).where(eq(tips.id, res.body.tip.id));
      expect(row.description).to.equal('收款账户6225 88012345，对方自称客服。');
    });

    it('stores a decomposed é composed (NFC)', async () => {
      const decomposed = 'Cafe\u0301 门口有人兜售假冒香烟，每天傍晚出现。';
      const res = await api().post('/api/tips').set(volunteer.auth).send(jsonTip({ description: decomposed })).expect(201);
      const read = await api().get(`/api/tips/${res.body.tip.id}`).set(volunteer.auth).expect(200);
      expect(read.body.tip.description).to.equal('Caf\u00e9 门口有人兜售假冒香烟，每天傍晚出现。');
    });

    it('keeps Chinese text and emoji (ZWJ sequences, skin tones, flags) intact, but not a stray zero-width joiner', async () => {
      const emoji = '👨‍👩‍👧 🏳️‍🌈 👍🏽 🇨🇳 🏴󠁧󠁢󠁳󠁣󠁴󠁿';
      const res = await api()
        .post('/api/tips')
        .set(volunteer.auth)
        .send(jsonTip({ description: `衡阳\u200D市雁峰区，${emoji}，广场舞音响太吵。` }))
        .expect(201);
      const read = await api().get(`/api/tips/${res.body.tip.id}`).set(volunteer.auth).expect(200);
      expect(read.body.tip.description).to.equal(`衡阳市雁峰区，${emoji}，广场舞音响太吵。`);
    });

    it('strips them from a case title and summary', async () => {
      const res = await api()
        .post('/api/cases')
        .set(officer.auth)
        .send({ title: `电信${ZWSP}诈骗${RLO}串案`, summary: `涉及\u2067三起\u2069案件` })
        .expect(201);
      const read = await api().get(`/api/cases/${res.body.case.id}`).set(officer.auth).expect(200);
      expect(read.body.case).to.include({ title: '电信诈骗串案', summary: '涉及三起案件' });
    });

    it('strips zero-width characters from a message', async () => {
      const tip = (await createTip(volunteer)).tip;
      const res = await api().post(`/api/tips/${tip.id}/messages`).set(volunteer.auth).send({ body: `车牌${ZWSP}湘D${RLO}12345` }).expect(201);
      const [row] = await db().select().from(messages).where(eq(messages.id, res.body.message.id));
      expect(row.body).to.equal('车牌湘D12345');
    });

    it('strips them from a display name at registration', async () => {
      const [community] = await db().execute<{ id: number }>(sql`select id from communities where district_id = 1 order by id limit 1`).then((r) => ('rows' in r ? r.rows : r) as { id: number }[]);
      const phone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
      const res = await api()
        .post('/api/auth/register')
        .send({ phone, password: 'Tr1cky-passw0rd', displayName: `张${RLO}三${ZWSP}丰`, communityId: community.id })
        .expect(201);
      const [row] = await db().select().from(users).where(eq(users.id, res.body.user.id));
      expect(row.displayName).to.equal('张三丰');
    });

    it('refuses a description that is nothing but invisible characters', async () => {
      const res = await api().post('/api/tips').set(volunteer.auth).send(jsonTip({ description: `${ZWSP.repeat(12)}${RLO}` }));
      expectValidation(res, 'description');
    });
  });

  describe('the error handler: PostgreSQL data exceptions are 400, the last line of defence', () => {
    const logLines: string[] = [];
    let probe: express.Express;
    before(() => {
      const sink = new Writable({
        write(chunk, _enc, done) {
          logLines.push(...String(chunk).split('\n').filter(Boolean));
          done();
        },
      });
      // A route that hands the database a value no schema checked, through the real driver and error handler.
      probe = express();
      probe.get('/probe/:kind', async (req, res) => {
        const value = String(req.query.value);
        const query = {
          text: sql`select ${value}::text as v`,
          int: sql`select ${value}::int as v`,
          smallint: sql`select ${value}::smallint as v`,
          timestamptz: sql`select ${value}::timestamptz as v`,
          date: sql`select ${value}::date as v`,
        }[req.params.kind]!;
        res.json(await db().execute(query));
      });
      probe.use(errorHandler(createLogger('info', sink)));
    });

    for (const [kind, value, sqlstate] of [
      ['text', `a${NUL}b`, '22021'],
      ['int', 'not-a-number', '22P02'],
      ['smallint', '70000', '22003'],
      ['timestamptz', '-271821-04-20T00:00:00.000Z', '22009'],
      ['date', '2026-02-30', '22008'],
    ] as const) {
      it(`answers SQLSTATE ${sqlstate} with 400 VALIDATION and logs it at warn without the value`, async () => {
        logLines.length = 0;
        const res = await supertest(probe).get(`/probe/${kind}`).query({ value });
        expect(res.status, res.text).to.equal(400);
        expect(res.body.error.code).to.equal('VALIDATION');
        expect(res.text).not.to.include(value.replace(NUL, ''));
        const warned = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.level === 40);
        expect(warned, logLines.join('\n')).to.have.length(1);
        expect(warned[0]).to.include({ sqlstate });
        for (const line of logLines) expect(line).not.to.include(JSON.stringify(value).slice(1, -1));
      });
    }
  });
});
