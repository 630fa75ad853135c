import { createHmac } from 'node:crypto';
import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import jwt from 'jsonwebtoken';
import { communities, refreshTokens, users } from '../src/db/schema/index';
import { AUDIENCE, ISSUER, verifyAccessToken } from '../src/modules/auth/tokens';
import { api, db, harness } from './support/harness';
import { createUser, firstCommunity, nextPhone } from './support/factories';

const GOOD_PASSWORD = 'a-Good-passphrase';

/** Registers through the API; asserts the status when one is given. */
async function register(overrides: Record<string, unknown> = {}, status?: number) {
  const community = await firstCommunity(1);
  const res = await api()
    .post('/api/auth/register')
    .send({ phone: nextPhone(), password: GOOD_PASSWORD, displayName: '测试群众', communityId: community.id, ...overrides });
  if (status !== undefined) expect(res.status, JSON.stringify(res.body)).to.equal(status);
  return res;
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('auth: register', () => {
  it('registers a volunteer and returns tokens and the user', async () => {
    const community = await firstCommunity(1);
    const phone = nextPhone();
    const [{ memberCount: before }] = await db().select().from(communities).where(eq(communities.id, community.id));
    const res = await api()
      .post('/api/auth/register')
      .send({ phone, password: GOOD_PASSWORD, displayName: '测试群众', communityId: community.id })
      .expect(201);
    expect(res.body.user).to.include({ phone, role: 'volunteer', communityId: community.id, districtId: 1, points: 0 });
    expect(res.body.user).not.to.have.property('passwordHash');
    expect(res.body.accessToken).to.be.a('string');
    expect(res.body.refreshToken).to.be.a('string');
    const me = await api().get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body.user.id).to.equal(res.body.user.id);

    const [row] = await db().select().from(users).where(eq(users.phone, phone));
    expect(row.passwordHash).to.match(/^\$argon2id\$/);
    expect(row.passwordHash).not.to.include(GOOD_PASSWORD);
    const [{ memberCount: after }] = await db().select().from(communities).where(eq(communities.id, community.id));
    expect(after).to.equal(before + 1);
    const stored = await db().select().from(refreshTokens).where(eq(refreshTokens.userId, row.id));
    expect(stored).to.have.length(1);
    expect(stored[0].tokenHash).not.to.equal(res.body.refreshToken);
  });

  it('normalises +86 and spaces in the phone number', async () => {
    const phone = nextPhone();
    const res = await register({ phone: `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` }, 201);
    expect(res.body.user.phone).to.equal(phone);
  });

  it('answers 409 when the phone is taken, however it is written', async () => {
    const phone = nextPhone();
    await register({ phone }, 201);
    const res = await register({ phone: `+86${phone}` }, 409);
    expect(res.body.error.code).to.equal('PHONE_TAKEN');
  });

  it('lets exactly one of two simultaneous registrations of a phone succeed', async () => {
    const phone = nextPhone();
    const results = await Promise.all([register({ phone }), register({ phone })]);
    expect(results.map((r) => r.status).sort()).to.deep.equal([201, 409]);
    expect(await db().select().from(users).where(eq(users.phone, phone))).to.have.length(1);
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['a phone that is not a mainland mobile', { phone: '12345' }, 'phone'],
    ['a landline number', { phone: '073412345678' }, 'phone'],
    ['a missing phone', { phone: undefined }, 'phone'],
    ['a password of 7 characters', { password: 'Ab3$xyz' }, 'password'],
    ['a common password', { password: 'password123' }, 'password'],
    ['a common password in capitals', { password: 'QWERTYUIOP' }, 'password'],
    ['a password of one repeated character', { password: 'zzzzzzzzzz' }, 'password'],
    ['a password longer than 128 characters', { password: 'p'.repeat(60) + 'q'.repeat(69) }, 'password'],
    ['a display name of one character', { displayName: '张' }, 'displayName'],
    ['a display name of 31 characters', { displayName: '名'.repeat(31) }, 'displayName'],
    ['a display name with markup', { displayName: '<b>boss</b>' }, 'displayName'],
    ['a display name with control characters', { displayName: 'ab\u0000cd' }, 'displayName'],
    ['a community that does not exist', { communityId: 999_999 }, 'communityId'],
    ['a community id that is not a number', { communityId: 'first' }, 'communityId'],
    ['a role chosen by the caller', { role: 'admin' }, 'role'],
  ];
  for (const [what, overrides, field] of invalid) {
    it(`refuses ${what} with 400 naming ${field}`, async () => {
      const res = await register(overrides, 400);
      expect(res.body.error.code).to.equal('VALIDATION');
      expect(res.body.error.details.map((d: { field: string }) => d.field)).to.include(field);
    });
  }

  it('refuses a password that contains the phone number', async () => {
    const phone = nextPhone();
    const res = await register({ phone, password: `x${phone}` }, 400);
    expect(res.body.error.details[0].field).to.equal('password');
    expect(await db().select().from(users).where(eq(users.phone, phone))).to.have.length(0);
  });
});

describe('auth: login', () => {
  it('signs in with phone and password', async () => {
    const u = await createUser({ role: 'volunteer' });
    const res = await api().post('/api/auth/login').send({ phone: u.phone, password: u.password }).expect(200);
    expect(res.body.user).to.include({ id: u.user.id, role: 'volunteer' });
    await api().get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
  });

  it('gives the same answer for an unknown phone and a wrong password', async () => {
    const u = await createUser();
    const wrong = await api().post('/api/auth/login').send({ phone: u.phone, password: 'not-the-password' }).expect(401);
    const unknown = await api().post('/api/auth/login').send({ phone: nextPhone(), password: u.password }).expect(401);
    expect(wrong.body).to.deep.equal(unknown.body);
    expect(wrong.body.error.code).to.equal('UNAUTHENTICATED');
  });

  it('refuses a disabled account with the same answer', async () => {
    const u = await createUser();
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, u.user.id));
    const res = await api().post('/api/auth/login').send({ phone: u.phone, password: u.password }).expect(401);
    const unknown = await api().post('/api/auth/login').send({ phone: nextPhone(), password: u.password }).expect(401);
    expect(res.body).to.deep.equal(unknown.body);
  });

  it('answers 400 to a login without a password', async () => {
    await api().post('/api/auth/login').send({ phone: nextPhone() }).expect(400);
  });
});

describe('auth: refresh and logout', () => {
  it('rotates refresh tokens and revokes the chain when a spent one is presented', async () => {
    const reg = await register({}, 201);
    const first = reg.body.refreshToken as string;
    const rotated = await api().post('/api/auth/refresh').send({ refreshToken: first }).expect(200);
    const second = rotated.body.refreshToken as string;
    expect(second).not.to.equal(first);
    expect(rotated.body.user.id).to.equal(reg.body.user.id);
    await api().get('/api/me').set('Authorization', `Bearer ${rotated.body.accessToken}`).expect(200);
    await api().post('/api/auth/refresh').send({ refreshToken: first }).expect(401);
    // the reuse revoked the whole family, including the token issued after it
    await api().post('/api/auth/refresh').send({ refreshToken: second }).expect(401);
  });

  it('keeps other sign-ins of the same user when one chain is revoked', async () => {
    const u = await createUser();
    const a = await api().post('/api/auth/login').send({ phone: u.phone, password: u.password }).expect(200);
    const b = await api().post('/api/auth/login').send({ phone: u.phone, password: u.password }).expect(200);
    await api().post('/api/auth/refresh').send({ refreshToken: a.body.refreshToken }).expect(200);
    await api().post('/api/auth/refresh').send({ refreshToken: a.body.refreshToken }).expect(401);
    await api().post('/api/auth/refresh').send({ refreshToken: b.body.refreshToken }).expect(200);
  });

  it('lets exactly one of two concurrent refreshes with the same token win', async () => {
    const reg = await register({}, 201);
    const results = await Promise.all(
      [0, 1].map(() => api().post('/api/auth/refresh').send({ refreshToken: reg.body.refreshToken })),
    );
    expect(results.map((r) => r.status).sort()).to.deep.equal([200, 401]);
    const rows = await db().select().from(refreshTokens).where(eq(refreshTokens.userId, reg.body.user.id));
    // the original and exactly one successor
    expect(rows).to.have.length(2);
  });

  it('answers 401 to an unknown or expired refresh token and 400 to a malformed one', async () => {
    await api().post('/api/auth/refresh').send({ refreshToken: 'A'.repeat(43) }).expect(401);
    await api().post('/api/auth/refresh').send({ refreshToken: 'short' }).expect(400);
    await api().post('/api/auth/refresh').send({}).expect(400);
    const reg = await register({}, 201);
    await db().update(refreshTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(refreshTokens.userId, reg.body.user.id));
    await api().post('/api/auth/refresh').send({ refreshToken: reg.body.refreshToken }).expect(401);
  });

  it('signs out: the refresh token stops working', async () => {
    const reg = await register({}, 201);
    await api().post('/api/auth/logout').send({ refreshToken: reg.body.refreshToken }).expect(204);
    const res = await api().post('/api/auth/refresh').send({ refreshToken: reg.body.refreshToken }).expect(401);
    expect(res.body.error.code).to.equal('UNAUTHENTICATED');
    // signing out twice, or with an unknown token, is harmless
    await api().post('/api/auth/logout').send({ refreshToken: reg.body.refreshToken }).expect(204);
  });
});

describe('auth: access tokens', () => {
  const sign = (claims: object, opts: jwt.SignOptions = {}, secret = harness().config.jwtSecret) =>
    jwt.sign({ role: 'volunteer', did: 1, cid: null, uid: null, ...claims }, secret, {
      algorithm: 'HS256',
      issuer: ISSUER,
      audience: AUDIENCE,
      expiresIn: 600,
      ...opts,
    });

  it('shows the signed-in user with their points balance', async () => {
    const u = await createUser();
    const res = await api().get('/api/me').set(u.auth).expect(200);
    expect(res.body.user).to.include({ id: u.user.id, points: 0, displayName: u.user.displayName });
  });

  /** A token signed by hand with the server's secret: only the named header or claim is wrong. */
  const handSigned = (header: object, claims: object) => {
    const head = `${b64url(header)}.${b64url(claims)}`;
    return `${head}.${createHmac('sha256', harness().config.jwtSecret).update(head).digest('base64url')}`;
  };
  const inTenMinutes = () => Math.floor(Date.now() / 1000) + 600;
  const goodClaims = (id: string) => ({ sub: id, role: 'volunteer', did: 1, iss: ISSUER, aud: AUDIENCE, exp: inTenMinutes() });

  it('accepts a well-formed token built the way the server builds them (the negative cases below are meaningful)', async () => {
    const u = await createUser();
    await api().get('/api/me').set('Authorization', `Bearer ${sign({}, { subject: u.user.id })}`).expect(200);
    await api().get('/api/me').set('Authorization', `Bearer ${handSigned({ alg: 'HS256', typ: 'JWT' }, goodClaims(u.user.id))}`).expect(200);
  });

  it('accepts a token whose audience is a list naming this API, and one already valid by its nbf', async () => {
    const u = await createUser();
    const listed = { ...goodClaims(u.user.id), aud: ['another-api', AUDIENCE] };
    await api().get('/api/me').set('Authorization', `Bearer ${handSigned({ alg: 'HS256', typ: 'JWT' }, listed)}`).expect(200);
    const begun = { ...goodClaims(u.user.id), nbf: Math.floor(Date.now() / 1000) - 5 };
    await api().get('/api/me').set('Authorization', `Bearer ${handSigned({ alg: 'HS256', typ: 'JWT' }, begun)}`).expect(200);
  });

  it('remembers a verified token only within its own time window, and only those very bytes', async () => {
    const u = await createUser();
    const now = Math.floor(Date.now() / 1000);
    const token = handSigned({ alg: 'HS256', typ: 'JWT' }, { ...goodClaims(u.user.id), nbf: now - 5, exp: now + 60 });
    const first = verifyAccessToken(token, now);
    expect(first).to.include({ id: u.user.id, role: 'volunteer' });
    first!.role = 'admin';
    expect(verifyAccessToken(token, now + 59)).to.include({ role: 'volunteer' });
    expect(verifyAccessToken(token, now + 60)).to.equal(null);
    expect(verifyAccessToken(token, now)).to.include({ role: 'volunteer' });
    expect(verifyAccessToken(token, now - 6)).to.equal(null);
    const [h, p, sig] = token.split('.');
    const other = sig.endsWith('A') ? 'B' : 'A';
    expect(verifyAccessToken(`${h}.${p}.${sig.slice(0, -1)}${other}`, now)).to.equal(null);
    expect(verifyAccessToken(`${h}.${p}.${sig}=`, now)).to.equal(null);
  });

  const bad: [string, (userId: string) => string][] = [
    ['no token at all', () => ''],
    ['garbage', () => 'Bearer garbage'],
    ['an empty bearer', () => 'Bearer '],
    ['another scheme', () => 'Basic dXNlcjpwYXNz'],
    ['a forged signature', (id) => `Bearer ${sign({}, { subject: id }, 'another-secret-that-is-long-enough-to-use')}`],
    ['a tampered payload', (id) => {
      const [h, , s] = sign({}, { subject: id }).split('.');
      return `Bearer ${h}.${b64url({ sub: id, role: 'admin', iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 })}.${s}`;
    }],
    ['an expired token', (id) => `Bearer ${sign({}, { subject: id, expiresIn: -10 })}`],
    ['alg:none', (id) => `Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub: id, role: 'volunteer', iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 })}.`],
    ['HS512 with the right secret', (id) => `Bearer ${sign({}, { subject: id, algorithm: 'HS512' })}`],
    ['the wrong issuer', (id) => `Bearer ${sign({}, { subject: id, issuer: 'someone-else' })}`],
    ['the wrong audience', (id) => `Bearer ${sign({}, { subject: id, audience: 'another-api' })}`],
    ['an unknown role', (id) => `Bearer ${sign({ role: 'superuser' }, { subject: id })}`],
    ['no subject', () => `Bearer ${sign({})}`],
    ['a token not valid before a later time (nbf)', (id) => `Bearer ${sign({}, { subject: id, notBefore: 120 })}`],
    ['an nbf that is not a number', (id) => `Bearer ${handSigned({ alg: 'HS256', typ: 'JWT' }, { ...goodClaims(id), nbf: 'yesterday' })}`],
    ['a token without an expiry', (id) => {
      const claims: Partial<ReturnType<typeof goodClaims>> = goodClaims(id);
      delete claims.exp;
      return `Bearer ${handSigned({ alg: 'HS256', typ: 'JWT' }, claims)}`;
    }],
    ['an expiry that is not a number', (id) => `Bearer ${handSigned({ alg: 'HS256', typ: 'JWT' }, { ...goodClaims(id), exp: String(inTenMinutes()) })}`],
    ['a header of another type', (id) => `Bearer ${handSigned({ alg: 'HS256', typ: 'at+jwt' }, goodClaims(id))}`],
    ['a header without a type', (id) => `Bearer ${handSigned({ alg: 'HS256' }, goodClaims(id))}`],
    ['a header naming HS512 over an HS256 signature', (id) => `Bearer ${handSigned({ alg: 'HS512', typ: 'JWT' }, goodClaims(id))}`],
    ['an audience list without this API', (id) => `Bearer ${handSigned({ alg: 'HS256', typ: 'JWT' }, { ...goodClaims(id), aud: ['another-api'] })}`],
    ['a payload that is a JSON array', () => `Bearer ${handSigned({ alg: 'HS256', typ: 'JWT' }, [ISSUER, AUDIENCE])}`],
    ['the right signature in standard base64 with padding', (id) => {
      const [h, p, s] = sign({}, { subject: id }).split('.');
      return `Bearer ${h}.${p}.${Buffer.from(s, 'base64url').toString('base64')}`;
    }],
    ['a hand-made HS256 token with a different key', (id) => {
      const head = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: id, role: 'volunteer', iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 })}`;
      return `Bearer ${head}.${createHmac('sha256', 'guess').update(head).digest('base64url')}`;
    }],
  ];
  for (const [what, header] of bad) {
    it(`answers 401 in the error shape to ${what}`, async () => {
      const u = await createUser();
      const req = api().get('/api/me');
      const value = header(u.user.id);
      const res = await (value ? req.set('Authorization', value) : req).expect(401);
      expect(res.body.error.code).to.equal('UNAUTHENTICATED');
      expect(res.headers['content-type']).to.match(/application\/json/);
    });
  }
});
