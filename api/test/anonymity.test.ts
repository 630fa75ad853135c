import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { eq, sql } from 'drizzle-orm';
import supertest from 'supertest';
import { tips } from '../src/db/schema/index';
import { api, appWith, db, harness } from './support/harness';
import { createTip, createUser, validTipInput, type TestUser } from './support/factories';
import { clock } from '../src/lib/clock';
import { delayAfter, FREE_FAILURES } from '../src/modules/tracking/tracking-delay';

const tipBody = () => ({ ...validTipInput(), occurredAt: validTipInput().occurredAt.toISOString() });
const CODE_FORMAT = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/;

/** Rows of every table in `public` whose text (all columns, any type) contains the needle. */
async function tablesContaining(needle: string): Promise<string[]> {
  const tables = await db().execute<{ table_name: string }>(
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  expect(tables.rows.length).to.be.greaterThan(10);
  const hits: string[] = [];
  for (const { table_name } of tables.rows) {
    const res = await db().execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(table_name)} AS t WHERE t::text ILIKE ${'%' + needle + '%'}`,
    );
    if (Number(res.rows[0].n) > 0) hits.push(table_name);
  }
  return hits;
}

/** Right code, wrong code: the other code differs in the first character only. */
const otherCode = (code: string) => (code[0] === 'A' ? 'B' : 'A') + code.slice(1);

describe('anonymity: anonymous tips leave no trace of the sender', () => {
  it('submits without an account and returns a reference and a one-time 100-bit code, stored only as a hash', async () => {
    const res = await api().post('/api/tips').send(tipBody()).expect(201);
    expect(res.body.tip.reference).to.match(/^HY-\d{8}-\d{4}$/);
    expect(res.body.tip.isAnonymous).to.equal(true);
    expect(res.body.accessCode).to.match(CODE_FORMAT);
    const [row] = await db().select().from(tips).where(eq(tips.id, res.body.tip.id));
    expect(row.reporterId).to.equal(null);
    expect(row.accessCodeHash).to.match(/^\$argon2id\$/);
    expect(await tablesContaining(res.body.accessCode)).to.deep.equal([]);
  });

  it('stores and logs nothing of the address, user agent, cookies or device id of an anonymous tipster', async () => {
    const tag = randomBytes(6).toString('hex');
    const ip = `203.0.113.${100 + (randomBytes(1)[0] % 100)}`;
    const probe = {
      'X-Forwarded-For': ip,
      'X-Real-IP': ip,
      'User-Agent': `HyLeakProbe/${tag} (Android 14; Hengyang)`,
      Cookie: `tracker=cookie-${tag}; session=sess-${tag}`,
      'X-Device-Id': `device-${tag}`,
      Referer: `https://referrer-${tag}.example/`,
      'Idempotency-Key': `idem-key-${tag}-${randomBytes(16).toString('hex')}`,
    };
    const body = tipBody();
    const submitted = await api().post('/api/tips').set(probe).send(body).expect(201);
    const { reference } = submitted.body.tip;
    const { accessCode } = submitted.body;
    const replay = await api().post('/api/tips').set(probe).send(body).expect(201); // answered from the sealed record
    expect(replay.body.tip.id).to.equal(submitted.body.tip.id);
    await api().post('/api/tips/track').set(probe).send({ reference, accessCode }).expect(200);
    await api().post('/api/tips/track/messages').set(probe).send({ reference, accessCode, body: `我看见了 ${tag}` }).expect(201);
    await api().post('/api/tips/track').set(probe).send({ reference, accessCode: otherCode(accessCode) }).expect(404);

    const needles = [ip, `HyLeakProbe/${tag}`, `cookie-${tag}`, `sess-${tag}`, `device-${tag}`, `referrer-${tag}`, `idem-key-${tag}`, accessCode];
    for (const needle of needles) {
      expect(await tablesContaining(needle), `tables holding ${needle}`).to.deep.equal([]);
      expect(harness().logLines.filter((l) => l.includes(needle)), `log lines holding ${needle}`).to.deep.equal([]);
    }
    // the probe itself works: the message the tipster wrote is found, and the requests were logged
    expect(await tablesContaining(`我看见了 ${tag}`)).to.deep.equal(['messages']);
    expect(harness().logLines.some((l) => l.includes('/api/tips/track'))).to.equal(true);
  });
});

describe('tracking: reference and access code', () => {
  let anon: { reference: string; accessCode: string; id: string };
  let officer: TestUser;
  let registeredReference: string;

  before(async () => {
    const created = await createTip(null);
    anon = { reference: created.tip.reference, accessCode: created.accessCode!, id: created.tip.id };
    officer = await createUser({ role: 'officer', districtId: 1 });
    registeredReference = (await createTip(await createUser({ role: 'volunteer' }))).tip.reference;
  });

  it('shows the status history and the thread for the right pair, with police shown only as "police"', async () => {
    await api().post(`/api/tips/${anon.id}/messages`).set(officer.auth).send({ body: '您看到的人大约多高？' }).expect(201);
    const res = await api().post('/api/tips/track').send({ reference: anon.reference, accessCode: anon.accessCode }).expect(200);
    expect(res.body.tip).to.include({ id: anon.id, reference: anon.reference, status: 'submitted', isAnonymous: true });
    expect(res.body.tip.history[0]).to.include({ toStatus: 'submitted' });
    expect(res.body.messages).to.have.length(1);
    expect(res.body.messages[0]).to.include({ from: 'police', isMine: false, body: '您看到的人大约多高？' });
    expect(res.body.unread).to.equal(1);
    expect(JSON.stringify(res.body)).not.to.contain(officer.user.id);
    const again = await api().post('/api/tips/track').send({ reference: anon.reference, accessCode: anon.accessCode }).expect(200);
    expect(again.body.unread).to.equal(0);
  });

  it('reads the code back forgivingly: lower case, spaces instead of dashes, O for 0', async () => {
    const sloppy = anon.accessCode.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o');
    await api().post('/api/tips/track').send({ reference: anon.reference.toLowerCase(), accessCode: sloppy }).expect(200);
  });

  it('answers a wrong code, an unknown reference and a registered tip alike: the same 404 and body', async () => {
    const attempts = [
      { reference: anon.reference, accessCode: otherCode(anon.accessCode) },
      { reference: 'HY-20200101-9999', accessCode: anon.accessCode },
      { reference: registeredReference, accessCode: anon.accessCode },
    ];
    const answers = await Promise.all(attempts.map((a) => api().post('/api/tips/track').send(a)));
    for (const res of answers) {
      expect(res.status).to.equal(404);
      expect(res.body).to.deep.equal(answers[0].body);
    }
    expect(answers[0].body.error.code).to.equal('NOT_FOUND');
    const posted = await api().post('/api/tips/track/messages').send({ ...attempts[0], body: '你好' }).expect(404);
    expect(posted.body).to.deep.equal(answers[0].body);
  });

  it('takes as long for an unknown reference as for a wrong code (a dummy hash is verified)', async () => {
    // The process's CPU time, not the wall clock: argon2 burns the same CPU whatever the machine's
    // load, while wall time on a busy CI machine is mostly waiting for a core.
    const time = async (body: object) => {
      const start = process.cpuUsage();
      await api().post('/api/tips/track').send(body).expect(404);
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    };
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 5; i++) {
      unknown.push(await time({ reference: `HY-20200101-${String(9000 + i)}`, accessCode: anon.accessCode }));
      wrong.push(await time({ reference: anon.reference, accessCode: otherCode(anon.accessCode) }));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2];
    // Without the dummy verification an unknown reference answers in a fraction of argon2's time.
    expect(median(unknown)).to.be.greaterThan(median(wrong) * 0.6);
  });

  it('answers 400 for malformed input, naming the field', async () => {
    const bad: [object, string][] = [
      [{ accessCode: anon.accessCode }, 'reference'],
      [{ reference: anon.reference }, 'accessCode'],
      [{ reference: 'HY-1', accessCode: anon.accessCode }, 'reference'],
      [{ reference: anon.reference, accessCode: 'too-short' }, 'accessCode'],
      [{ reference: anon.reference, accessCode: 'UUUUU-UUUUU-UUUUU-UUUUU' }, 'accessCode'],
      [{ reference: anon.reference, accessCode: 12345 }, 'accessCode'],
      [{ reference: anon.reference, accessCode: anon.accessCode, extra: 1 }, 'extra'],
    ];
    for (const [body, field] of bad) {
      const res = await api().post('/api/tips/track').send(body).expect(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).to.include(field);
    }
  });

  it('lets the tipster answer with the code; police see the answer from "tipster"', async () => {
    const res = await api()
      .post('/api/tips/track/messages')
      .send({ reference: anon.reference, accessCode: anon.accessCode, body: '大约一米七' })
      .expect(201);
    expect(res.body.message).to.include({ from: 'tipster', isMine: true, body: '大约一米七' });
    const police = await api().get(`/api/tips/${anon.id}/messages`).set(officer.auth).expect(200);
    expect(police.body.messages.at(-1)).to.include({ from: 'tipster', body: '大约一米七' });
    expect(police.body.messages.at(-1)).not.to.have.property('policeAuthorId');
  });

  it('refuses HTML and overlong messages from the tipster with 400', async () => {
    for (const body of ['<b>hi</b>', 'x'.repeat(2001)]) {
      const res = await api().post('/api/tips/track/messages').send({ reference: anon.reference, accessCode: anon.accessCode, body }).expect(400);
      expect(res.body.error.details[0].field).to.equal('body');
    }
  });
});

describe('tracking: brute-force limits', () => {
  let anon: { reference: string; accessCode: string };
  before(async () => {
    const created = await createTip(null);
    anon = { reference: created.tip.reference, accessCode: created.accessCode! };
  });

  const from = (ip: string) => ({ 'X-Forwarded-For': ip });

  it('never lets strangers lock the real tipster out: wrong codes from 11 clients, then the right code passes at once', async () => {
    const app = supertest(appWith({ rateLimits: true, trackRateLimit: 3 }));
    clock.set(Date.now()); // the delay is counted on the clock: a slow machine must not outlast it
    const answers: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await app.post('/api/tips/track').set(from(`198.51.100.${i + 1}`)).send({ ...anon, accessCode: otherCode(anon.accessCode) });
      answers.push(res.status);
    }
    // 3 wrong codes answered at once, then the reference's delay: wrong codes get 429 + Retry-After
    expect(answers.slice(0, FREE_FAILURES)).to.deep.equal([404, 404, 404]);
    expect(answers.slice(FREE_FAILURES).every((s) => s === 429)).to.equal(true);
    await app.post('/api/tips/track').set(from('198.51.100.50')).send(anon).expect(200);
    await app.post('/api/tips/track/messages').set(from('198.51.100.51')).send({ ...anon, body: '你好' }).expect(201);
  });

  it('slows wrong codes for a reference with a growing delay (Retry-After), counted on the clock', async () => {
    const created = await createTip(null);
    const pair = { reference: created.tip.reference, accessCode: created.accessCode! };
    const wrong = { ...pair, accessCode: otherCode(pair.accessCode) };
    const app = supertest(appWith({ rateLimits: true }));
    clock.set(Date.now());
    for (let i = 0; i < FREE_FAILURES; i++) await app.post('/api/tips/track').set(from(`198.51.101.${i + 1}`)).send(wrong).expect(404);
    const first = await app.post('/api/tips/track').set(from('198.51.101.20')).send(wrong).expect(429);
    expect(first.body.error.code).to.equal('RATE_LIMITED');
    expect(Number(first.headers['retry-after'])).to.equal(delayAfter(FREE_FAILURES) / 1000);
    expect(first.body.error.details.retryAfterSeconds).to.equal(Number(first.headers['retry-after']));
    clock.advance(delayAfter(FREE_FAILURES));
    await app.post('/api/tips/track').set(from('198.51.101.21')).send(wrong).expect(404);
    const second = await app.post('/api/tips/track').set(from('198.51.101.22')).send(wrong).expect(429);
    expect(Number(second.headers['retry-after'])).to.equal(delayAfter(FREE_FAILURES + 1) / 1000);
    expect(delayAfter(FREE_FAILURES + 1)).to.be.greaterThan(delayAfter(FREE_FAILURES));
    await app.post('/api/tips/track').set(from('198.51.101.23')).send(pair).expect(200);
    // another reference is unaffected
    await app.post('/api/tips/track').set(from('198.51.101.24')).send({ reference: 'HY-20190101-0002', accessCode: pair.accessCode }).expect(404);
  });

  it('locks a client guessing across references', async () => {
    const app = supertest(appWith({ rateLimits: true, trackRateLimit: 3 }));
    for (let i = 0; i < 3; i++) {
      await app.post('/api/tips/track').set(from('192.0.2.7')).send({ reference: `HY-20200101-00${10 + i}`, accessCode: anon.accessCode }).expect(404);
    }
    const res = await app.post('/api/tips/track').set(from('192.0.2.7')).send({ reference: 'HY-20200101-0099', accessCode: anon.accessCode }).expect(429);
    expect(Number(res.headers['retry-after'])).to.be.greaterThan(0);
  });

  it('never counts a tipster checking their own tip', async () => {
    const app = supertest(appWith({ rateLimits: true, trackRateLimit: 3 }));
    for (let i = 0; i < 6; i++) await app.post('/api/tips/track').set(from('192.0.2.99')).send(anon).expect(200);
  });

  it('does not count malformed requests against the tipster', async () => {
    const app = supertest(appWith({ rateLimits: true, trackRateLimit: 3 }));
    for (let i = 0; i < 5; i++) await app.post('/api/tips/track').set(from('192.0.2.120')).send({ reference: anon.reference }).expect(400);
    await app.post('/api/tips/track').set(from('192.0.2.120')).send(anon).expect(200);
  });
});
