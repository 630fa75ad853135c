import { expect } from 'chai';
import type supertest from 'supertest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, communities, refreshTokens, users } from '../src/db/schema/index';
import { DEMO_PASSWORD, seedDemo } from '../src/db/seed';
import { bootstrapAdmin } from '../src/modules/accounts/bootstrap-admin';
import { EpochCache, tokenEpochs } from '../src/modules/auth/token-epochs';
import { api, db } from './support/harness';
import { REDIS_URL, redisReachable } from './support/redis';
import { requireService } from './support/services';
import { createUser, firstCommunity, nextPhone, type TestUser } from './support/factories';

/** Everyone the admin endpoints are checked against (district 1 = 雁峰区, 11 = 耒阳市). */
type Callers = {
  volunteer: TestUser;
  organizer: TestUser;
  auxiliary: TestUser;
  officer: TestUser;
  supervisor: TestUser;
  otherSupervisor: TestUser;
  admin: TestUser;
};
const CALLERS: (keyof Callers)[] = ['volunteer', 'organizer', 'auxiliary', 'officer', 'supervisor', 'otherSupervisor', 'admin'];

type Call = { method: 'get' | 'post' | 'patch'; path: string; body?: object };
const send = (c: Call, user?: TestUser) => {
  const req = api()[c.method](c.path);
  if (user) req.set(user.auth);
  return c.body ? req.send(c.body) : req;
};
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

const TEMPORARY = /^[a-km-zA-HJ-NP-Z2-9]{4}-[a-km-zA-HJ-NP-Z2-9]{4}-[a-km-zA-HJ-NP-Z2-9]{4}$/;

async function login(phone: string, password: string, status = 200) {
  const res = await api().post('/api/auth/login').send({ phone, password });
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
  return res.body as { user: { id: string; role: string }; accessToken: string; refreshToken: string; mustChangePassword: boolean };
}

const auditFor = (userId: string) =>
  db().select().from(auditLog).where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, userId))).orderBy(auditLog.id);

/** A second community of the district (the first one may already have the cast's auxiliary). */
async function communityOf(districtId: number, index: number) {
  const rows = await db().select().from(communities).where(eq(communities.districtId, districtId)).orderBy(communities.code);
  return rows[index];
}

describe('accounts: access by role and district', () => {
  let c: Callers;
  before(async () => {
    const [volunteer, organizer, auxiliary, officer, supervisor, otherSupervisor, admin] = await Promise.all([
      createUser({ role: 'volunteer', districtId: 1 }),
      createUser({ role: 'organizer', districtId: 1 }),
      createUser({ role: 'auxiliary', districtId: 1 }),
      createUser({ role: 'officer', districtId: 1 }),
      createUser({ role: 'supervisor', districtId: 1 }),
      createUser({ role: 'supervisor', districtId: 11 }),
      createUser({ role: 'admin' }),
    ]);
    c = { volunteer, organizer, auxiliary, officer, supervisor, otherSupervisor, admin };
  });

  const managers = (ok: number, otherDistrict: number): Record<keyof Callers, number> => ({
    volunteer: 403,
    organizer: 403,
    auxiliary: 403,
    officer: 403,
    supervisor: ok,
    otherSupervisor: otherDistrict,
    admin: ok,
  });

  // Each row acts on a fresh officer of district 1, so state-changing calls never depend on each other.
  const matrix: { name: string; call: (targetId: string) => Call; expected: Record<keyof Callers, number> }[] = [
    { name: 'GET /api/admin/users', call: () => ({ method: 'get', path: '/api/admin/users' }), expected: managers(200, 200) },
    {
      name: 'POST /api/admin/users (an officer of district 1)',
      call: () => ({ method: 'post', path: '/api/admin/users', body: { phone: nextPhone(), displayName: '新民警', role: 'officer', districtId: 1 } }),
      expected: managers(201, 403),
    },
    { name: 'GET /api/admin/users/:id', call: (id) => ({ method: 'get', path: `/api/admin/users/${id}` }), expected: managers(200, 404) },
    {
      name: 'PATCH /api/admin/users/:id',
      call: (id) => ({ method: 'patch', path: `/api/admin/users/${id}`, body: { disabled: true } }),
      expected: managers(200, 404),
    },
    {
      name: 'POST /api/admin/users/:id/reset-password',
      call: (id) => ({ method: 'post', path: `/api/admin/users/${id}/reset-password` }),
      expected: managers(200, 404),
    },
  ];

  for (const row of matrix) {
    for (const role of CALLERS) {
      it(`answers ${row.expected[role]} to ${role} on ${row.name}`, async () => {
        const target = await createUser({ role: 'officer', districtId: 1 });
        const res = await send(row.call(target.user.id), c[role]);
        expect(res.status, JSON.stringify(res.body)).to.equal(row.expected[role]);
        const code = { 200: 'OK', 201: 'OK', 403: 'FORBIDDEN', 404: 'NOT_FOUND' }[row.expected[role] as 200 | 201 | 403 | 404];
        expect(res.body.error?.code ?? 'OK').to.equal(code);
        if (row.expected[role] === 404 && row.call('x').method !== 'get') {
          const [after] = await db().select().from(users).where(eq(users.id, target.user.id));
          expect(after.disabledAt).to.equal(null);
          expect(after.passwordHash).to.equal(target.user.passwordHash);
        }
      });
    }
    it(`answers 401 without a token on ${row.name}`, async () => {
      const target = await createUser({ role: 'officer', districtId: 1 });
      expect((await send(row.call(target.user.id))).status).to.equal(401);
    });
  }

  it('answers 404 to a supervisor acting on an admin, a fellow supervisor or a volunteer of the district', async () => {
    const [admin, supervisor, volunteer] = await Promise.all([
      createUser({ role: 'admin' }),
      createUser({ role: 'supervisor', districtId: 1 }),
      createUser({ role: 'volunteer', districtId: 1 }),
    ]);
    for (const target of [admin, supervisor, volunteer]) {
      await api().patch(`/api/admin/users/${target.user.id}`).set(c.supervisor.auth).send({ disabled: true }).expect(404);
      await api().post(`/api/admin/users/${target.user.id}/reset-password`).set(c.supervisor.auth).expect(404);
    }
  });

  it('never lets a supervisor create an admin or a supervisor (403), nor place staff in another district', async () => {
    const create = (body: object) => api().post('/api/admin/users').set(c.supervisor.auth).send({ phone: nextPhone(), displayName: '某某', ...body });
    expect((await create({ role: 'admin' })).body.error.code).to.equal('FORBIDDEN');
    await create({ role: 'admin' }).expect(403);
    await create({ role: 'supervisor', districtId: 1 }).expect(403);
    await create({ role: 'organizer', districtId: 1 }).expect(403);
    await create({ role: 'officer', districtId: 11 }).expect(403);
    const elsewhere = await firstCommunity(11);
    await create({ role: 'auxiliary', communityId: elsewhere.id }).expect(403);
  });

  it('lets a supervisor promote, move or hand over nobody beyond their scope', async () => {
    const officer = await createUser({ role: 'officer', districtId: 1 });
    const patch = (body: object) => api().patch(`/api/admin/users/${officer.user.id}`).set(c.supervisor.auth).send(body);
    await patch({ role: 'supervisor' }).expect(403);
    await patch({ role: 'admin' }).expect(403);
    await patch({ districtId: 11 }).expect(403);
    const [row] = await db().select().from(users).where(eq(users.id, officer.user.id));
    expect(row).to.include({ role: 'officer', districtId: 1 });
  });

  it('tells each user in /api/me which roles they may manage, and what each is bound to', async () => {
    const roles = async (u: TestUser) => (await api().get('/api/me').set(u.auth).expect(200)).body.user.manageableRoles;
    expect(await roles(c.supervisor)).to.deep.equal([
      { role: 'officer', placement: 'district' },
      { role: 'auxiliary', placement: 'community' },
    ]);
    expect((await roles(c.admin)).map((r: { role: string }) => r.role)).to.have.members(['officer', 'supervisor', 'organizer', 'auxiliary', 'admin']);
    for (const u of [c.officer, c.volunteer, c.organizer, c.auxiliary]) expect(await roles(u)).to.deep.equal([]);
  });

  it('refuses a supervisor who names another district in the list (403)', async () => {
    const res = await api().get('/api/admin/users?districtId=11').set(c.supervisor.auth).expect(403);
    expect(res.body.error.code).to.equal('FORBIDDEN');
  });
});

describe('accounts: listing users', () => {
  it("shows a supervisor only their district's officers and auxiliaries", async () => {
    const supervisor = await createUser({ role: 'supervisor', districtId: 1 });
    const [officer, auxiliary, otherOfficer, peer, volunteer] = await Promise.all([
      createUser({ role: 'officer', districtId: 1 }),
      createUser({ role: 'auxiliary', districtId: 1, communityId: (await communityOf(1, 2)).id }),
      createUser({ role: 'officer', districtId: 11 }),
      createUser({ role: 'supervisor', districtId: 1 }),
      createUser({ role: 'volunteer', districtId: 1 }),
    ]);
    const ids = new Set<string>();
    let cursor: string | null = null;
    do {
      const res: supertest.Response = await api()
        .get(`/api/admin/users?limit=100${cursor ? `&cursor=${cursor}` : ''}`)
        .set(supervisor.auth)
        .expect(200);
      for (const u of res.body.users) {
        expect(u.districtId).to.equal(1);
        expect(['officer', 'auxiliary']).to.include(u.role);
        ids.add(u.id);
      }
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(ids).to.include(officer.user.id).and.to.include(auxiliary.user.id);
    for (const hidden of [otherOfficer, peer, volunteer, supervisor]) expect(ids).not.to.include(hidden.user.id);
  });

  it("masks volunteers' phone numbers for admins and shows staff's in full", async () => {
    const admin = await createUser({ role: 'admin' });
    const volunteer = await createUser({ role: 'volunteer', districtId: 1, displayName: '掩码测试群众' });
    const officer = await createUser({ role: 'officer', districtId: 1, displayName: '掩码测试民警' });
    const res = await api().get(`/api/admin/users?q=${encodeURIComponent('掩码测试')}`).set(admin.auth).expect(200);
    const byId = new Map(res.body.users.map((u: { id: string }) => [u.id, u]));
    const v = byId.get(volunteer.user.id) as { phone: string };
    expect(v.phone).to.equal(`${volunteer.phone.slice(0, 3)}****${volunteer.phone.slice(-4)}`);
    expect(JSON.stringify(res.body)).not.to.include(volunteer.phone);
    expect((byId.get(officer.user.id) as { phone: string }).phone).to.equal(officer.phone);
    for (const u of res.body.users) {
      expect(u).not.to.have.any.keys('passwordHash', 'realNameEnc', 'idNumberEnc', 'points', 'tokenEpoch');
    }
  });

  it('filters by role, district, disabled and name or whole phone number', async () => {
    const admin = await createUser({ role: 'admin' });
    const tag = `筛${Math.floor(Math.random() * 1e6)}`;
    const [a, b, d] = await Promise.all([
      createUser({ role: 'officer', districtId: 1, displayName: `${tag}甲` }),
      createUser({ role: 'officer', districtId: 11, displayName: `${tag}乙` }),
      createUser({ role: 'organizer', districtId: 1, displayName: `${tag}丙` }),
    ]);
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, b.user.id));
    const ids = async (query: string) =>
      (await api().get(`/api/admin/users?q=${encodeURIComponent(tag)}&${query}`).set(admin.auth).expect(200)).body.users.map(
        (u: { id: string }) => u.id,
      );
    expect(await ids('')).to.have.members([a.user.id, b.user.id, d.user.id]);
    expect(await ids('role=officer')).to.have.members([a.user.id, b.user.id]);
    expect(await ids('districtId=11')).to.have.members([b.user.id]);
    expect(await ids('disabled=true')).to.have.members([b.user.id]);
    expect(await ids('disabled=false&role=officer')).to.have.members([a.user.id]);
    const byPhone = await api().get(`/api/admin/users?q=${encodeURIComponent(`+86 ${a.phone}`)}`).set(admin.auth).expect(200);
    expect(byPhone.body.users.map((u: { id: string }) => u.id)).to.deep.equal([a.user.id]);
    // LIKE wildcards match literally
    expect((await api().get('/api/admin/users?q=%25').set(admin.auth).expect(200)).body.users).to.have.length(0);
  });

  it('pages newest first with a keyset cursor, never repeating or skipping anyone', async () => {
    const admin = await createUser({ role: 'admin' });
    const tag = `页${Math.floor(Math.random() * 1e6)}`;
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await createUser({ role: 'organizer', districtId: 1, displayName: `${tag}${i}` })).user.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: supertest.Response = await api()
        .get(`/api/admin/users?q=${encodeURIComponent(tag)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .set(admin.auth)
        .expect(200);
      seen.push(...res.body.users.map((u: { id: string }) => u.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).to.equal(3);
    expect(seen).to.deep.equal([...made].reverse());
  });

  it('answers 400 naming the field to bad filters', async () => {
    const admin = await createUser({ role: 'admin' });
    for (const [query, field] of [
      ['role=chief', 'role'],
      ['districtId=abc', 'districtId'],
      ['disabled=maybe', 'disabled'],
      ['limit=0', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
      [`q=${'x'.repeat(51)}`, 'q'],
      ['sort=name', 'sort'],
    ]) {
      const res = await api().get(`/api/admin/users?${query}`).set(admin.auth);
      expect(res.status, query).to.equal(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).to.include(field);
    }
  });
});

describe('accounts: creating staff', () => {
  let admin: TestUser;
  let supervisor: TestUser;
  before(async () => {
    [admin, supervisor] = await Promise.all([createUser({ role: 'admin' }), createUser({ role: 'supervisor', districtId: 1 })]);
  });

  it('creates an officer with a strong temporary password, shown once and stored only hashed, and audits it', async () => {
    const phone = nextPhone();
    const res = await api()
      .post('/api/admin/users')
      .set(admin.auth)
      .send({ phone: `+86 ${phone}`, displayName: '新来的李警官', role: 'officer', districtId: 11 })
      .expect(201);
    expect(res.body.temporaryPassword).to.match(TEMPORARY);
    expect(res.body.user).to.include({ phone, displayName: '新来的李警官', role: 'officer', districtId: 11, communityId: null, disabled: false, mustChangePassword: true });
    expect(res.body.user.district).to.include({ id: 11, nameZh: '耒阳市' });
    expect(res.body.user.unitId).to.be.a('number');
    const [row] = await db().select().from(users).where(eq(users.phone, phone));
    expect(row.passwordHash).to.match(/^\$argon2id\$/);
    expect(row.passwordHash).not.to.include(res.body.temporaryPassword);
    const [entry] = await auditFor(row.id);
    expect(entry).to.include({ action: 'user.created', actorId: admin.user.id, actorRole: 'admin' });
    expect(entry.details).to.deep.equal({ role: 'officer', districtId: 11, communityId: null });
    expect(JSON.stringify(entry)).not.to.include(res.body.temporaryPassword);
    const other = await api()
      .post('/api/admin/users')
      .set(admin.auth)
      .send({ phone: nextPhone(), displayName: '另一位', role: 'officer', districtId: 11 })
      .expect(201);
    expect(other.body.temporaryPassword).not.to.equal(res.body.temporaryPassword);
  });

  it("puts a supervisor's new officer in the supervisor's district when none is named", async () => {
    const res = await api().post('/api/admin/users').set(supervisor.auth).send({ phone: nextPhone(), displayName: '见习民警', role: 'officer' }).expect(201);
    expect(res.body.user).to.include({ role: 'officer', districtId: 1 });
  });

  it("binds an auxiliary to one community and takes the community's district", async () => {
    const community = await communityOf(1, 3);
    const res = await api()
      .post('/api/admin/users')
      .set(supervisor.auth)
      .send({ phone: nextPhone(), displayName: '村辅警', role: 'auxiliary', communityId: community.id })
      .expect(201);
    expect(res.body.user).to.include({ role: 'auxiliary', communityId: community.id, districtId: 1, unitId: null });
    expect(res.body.user.community).to.include({ id: community.id, nameZh: community.nameZh });
    // 一村一辅警: a second active auxiliary for the same community is refused
    const second = await api()
      .post('/api/admin/users')
      .set(admin.auth)
      .send({ phone: nextPhone(), displayName: '第二位辅警', role: 'auxiliary', communityId: community.id })
      .expect(409);
    expect(second.body.error.code).to.equal('AUXILIARY_TAKEN');
  });

  it('creates an organizer of a community or of a whole district, and an admin bound to nothing', async () => {
    const community = await firstCommunity(11);
    const ofCommunity = await api()
      .post('/api/admin/users')
      .set(admin.auth)
      .send({ phone: nextPhone(), displayName: '社区组织员', role: 'organizer', communityId: community.id })
      .expect(201);
    expect(ofCommunity.body.user).to.include({ communityId: community.id, districtId: 11 });
    const ofDistrict = await api()
      .post('/api/admin/users')
      .set(admin.auth)
      .send({ phone: nextPhone(), displayName: '区组织员', role: 'organizer', districtId: 11 })
      .expect(201);
    expect(ofDistrict.body.user).to.include({ communityId: null, districtId: 11 });
    const newAdmin = await api().post('/api/admin/users').set(admin.auth).send({ phone: nextPhone(), displayName: '新管理员', role: 'admin' }).expect(201);
    expect(newAdmin.body.user).to.include({ role: 'admin', districtId: null, communityId: null });
  });

  it('answers 409 when the phone is taken, and creates nothing', async () => {
    const existing = await createUser({ role: 'volunteer', districtId: 1 });
    const res = await api()
      .post('/api/admin/users')
      .set(admin.auth)
      .send({ phone: existing.phone, displayName: '冒名', role: 'officer', districtId: 1 })
      .expect(409);
    expect(res.body.error.code).to.equal('PHONE_TAKEN');
    const [row] = await db().select().from(users).where(eq(users.phone, existing.phone));
    expect(row).to.include({ role: 'volunteer', id: existing.user.id });
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['a volunteer account', { role: 'volunteer', communityId: 1 }, 'role'],
    ['an unknown role', { role: 'chief', districtId: 1 }, 'role'],
    ['an officer without a district', { role: 'officer' }, 'districtId'],
    ['an officer with a community', { role: 'officer', districtId: 1, communityId: 1 }, 'communityId'],
    ['an auxiliary without a community', { role: 'auxiliary', districtId: 1 }, 'communityId'],
    ['an admin with a district', { role: 'admin', districtId: 1 }, 'districtId'],
    ['an unknown district', { role: 'officer', districtId: 999 }, 'districtId'],
    ['an unknown community', { role: 'auxiliary', communityId: 99_999_999 }, 'communityId'],
    ['a bad phone', { phone: '12345', role: 'admin' }, 'phone'],
    ['a display name with markup', { displayName: '<b>x</b>', role: 'admin' }, 'displayName'],
    ['a password field', { role: 'admin', password: 'chosen-by-admin' }, 'password'],
  ];
  for (const [what, body, field] of invalid) {
    it(`answers 400 naming ${field} to ${what}, and creates nothing`, async () => {
      const phone = nextPhone();
      const res = await api().post('/api/admin/users').set(admin.auth).send({ phone, displayName: '测试员', ...body });
      expect(res.status, JSON.stringify(res.body)).to.equal(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).to.include(field);
      expect(await db().select().from(users).where(eq(users.phone, phone))).to.have.length(0);
    });
  }

  it('answers 400 to a community in another district than the one named', async () => {
    const community = await firstCommunity(11);
    const res = await api()
      .post('/api/admin/users')
      .set(admin.auth)
      .send({ phone: nextPhone(), displayName: '错配辅警', role: 'auxiliary', communityId: community.id, districtId: 1 })
      .expect(400);
    expect(res.body.error.details[0].field).to.equal('districtId');
  });
});

describe('accounts: temporary passwords must be changed first', () => {
  it('signs in with mustChangePassword, refuses everything else with 403 PASSWORD_CHANGE_REQUIRED, then works after the change', async () => {
    const admin = await createUser({ role: 'admin' });
    const phone = nextPhone();
    const created = await api().post('/api/admin/users').set(admin.auth).send({ phone, displayName: '首次登录', role: 'officer', districtId: 1 }).expect(201);
    const temporary = created.body.temporaryPassword as string;

    const first = await login(phone, temporary);
    expect(first.mustChangePassword).to.equal(true);
    expect(first.user).to.include({ mustChangePassword: true });
    for (const [method, path] of [
      ['get', '/api/me'],
      ['get', '/api/queue'],
      ['get', '/api/cases'],
      ['post', '/api/queue/claim'],
    ] as const) {
      const res = await api()[method](path).set(bearer(first.accessToken));
      expect(res.status, path).to.equal(403);
      expect(res.body.error.code, path).to.equal('PASSWORD_CHANGE_REQUIRED');
    }
    // refreshing keeps the restriction
    const refreshed = await api().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);
    expect(refreshed.body.mustChangePassword).to.equal(true);
    await api().get('/api/queue').set(bearer(refreshed.body.accessToken)).expect(403);

    const changed = await api()
      .post('/api/auth/password')
      .set(bearer(refreshed.body.accessToken))
      .send({ currentPassword: temporary, newPassword: 'my-own-Passphrase-9' })
      .expect(200);
    expect(changed.body.mustChangePassword).to.equal(false);
    expect(changed.body.user).to.include({ mustChangePassword: false, role: 'officer' });
    await api().get('/api/queue').set(bearer(changed.body.accessToken)).expect(200);
    await api().get('/api/queue').set(bearer(refreshed.body.accessToken)).expect(401);
    await api().post('/api/auth/refresh').send({ refreshToken: refreshed.body.refreshToken }).expect(401);
    await login(phone, temporary, 401);
    expect((await login(phone, 'my-own-Passphrase-9')).mustChangePassword).to.equal(false);
    const actions = (await auditFor(created.body.user.id)).map((e) => e.action);
    expect(actions).to.include.members(['user.created', 'user.temporary_password_replaced']);
  });
});

describe('accounts: changing one’s own password', () => {
  it('revokes every other session (refresh and access tokens) and answers a new pair', async () => {
    const user = await createUser({ role: 'volunteer', districtId: 1 });
    const here = await login(user.phone, user.password);
    const elsewhere = await login(user.phone, user.password);
    const res = await api()
      .post('/api/auth/password')
      .set(bearer(here.accessToken))
      .send({ currentPassword: user.password, newPassword: 'Another-good-one-7' })
      .expect(200);
    expect(res.body.accessToken).to.be.a('string');
    await api().get('/api/me').set(bearer(elsewhere.accessToken)).expect(401);
    await api().get('/api/me').set(user.auth).expect(401);
    await api().post('/api/auth/refresh').send({ refreshToken: elsewhere.refreshToken }).expect(401);
    await api().post('/api/auth/refresh').send({ refreshToken: here.refreshToken }).expect(401);
    await api().get('/api/me').set(bearer(res.body.accessToken)).expect(200);
    await api().post('/api/auth/refresh').send({ refreshToken: res.body.refreshToken }).expect(200);
    await login(user.phone, user.password, 401);
    await login(user.phone, 'Another-good-one-7');
    const [entry] = await auditFor(user.user.id);
    expect(entry).to.include({ action: 'user.password_changed', actorId: user.user.id });
  });

  const refused: [string, object, string][] = [
    ['a wrong current password', { currentPassword: 'not-it-at-all', newPassword: 'Fresh-passphrase-1' }, 'currentPassword'],
    ['the same password again', { newPassword: 'SAME' }, 'newPassword'],
    ['a common password', { newPassword: 'password123' }, 'newPassword'],
    ['a short password', { newPassword: 'Ab3$' }, 'newPassword'],
    ['the phone number inside', { newPassword: 'PHONE-x' }, 'newPassword'],
    ['a missing current password', { currentPassword: undefined, newPassword: 'Fresh-passphrase-1' }, 'currentPassword'],
  ];
  for (const [what, body, field] of refused) {
    it(`answers 400 naming ${field} to ${what}, and keeps the session and password`, async () => {
      const user = await createUser({ role: 'officer', districtId: 1 });
      const text = JSON.stringify({ currentPassword: user.password, ...body })
        .replace('"SAME"', JSON.stringify(user.password))
        .replace('PHONE', user.phone);
      const res = await api().post('/api/auth/password').set(user.auth).set('Content-Type', 'application/json').send(text);
      expect(res.status, JSON.stringify(res.body)).to.equal(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).to.include(field);
      await api().get('/api/me').set(user.auth).expect(200);
      await login(user.phone, user.password);
    });
  }

  it('answers 401 without a token', async () => {
    await api().post('/api/auth/password').send({ currentPassword: 'x', newPassword: 'Fresh-passphrase-1' }).expect(401);
  });
});

describe('accounts: disabling, enabling and moving accounts', () => {
  let admin: TestUser;
  before(async () => {
    admin = await createUser({ role: 'admin' });
  });

  it('stops a disabled account at once: its access token already issued, refresh and login all 401', async () => {
    const officer = await createUser({ role: 'officer', districtId: 1 });
    const session = await login(officer.phone, officer.password);
    await api().get('/api/queue').set(bearer(session.accessToken)).expect(200);
    const res = await api().patch(`/api/admin/users/${officer.user.id}`).set(admin.auth).send({ disabled: true }).expect(200);
    expect(res.body.user).to.include({ disabled: true });
    // no waiting: the very next request with the old token is refused
    const after = await api().get('/api/queue').set(bearer(session.accessToken));
    expect(after.status).to.equal(401);
    expect(after.body.error.code).to.equal('UNAUTHENTICATED');
    await api().get('/api/me').set(officer.auth).expect(401);
    await api().post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    await login(officer.phone, officer.password, 401);
    const revoked = await db().select().from(refreshTokens).where(eq(refreshTokens.userId, officer.user.id));
    expect(revoked.every((t) => t.revokedAt !== null)).to.equal(true);
    expect((await auditFor(officer.user.id)).map((e) => e.action)).to.include('user.disabled');

    await api().patch(`/api/admin/users/${officer.user.id}`).set(admin.auth).send({ disabled: false }).expect(200);
    const back = await login(officer.phone, officer.password);
    await api().get('/api/queue').set(bearer(back.accessToken)).expect(200);
    expect((await auditFor(officer.user.id)).map((e) => e.action)).to.include('user.enabled');
  });

  it("refuses the old token after a role change; the next refresh carries the new role", async () => {
    const officer = await createUser({ role: 'officer', districtId: 1 });
    const session = await login(officer.phone, officer.password);
    const community = await communityOf(1, 4);
    const res = await api()
      .patch(`/api/admin/users/${officer.user.id}`)
      .set(admin.auth)
      .send({ role: 'auxiliary', communityId: community.id })
      .expect(200);
    expect(res.body.user).to.include({ role: 'auxiliary', communityId: community.id, districtId: 1, unitId: null });
    await api().get('/api/queue').set(bearer(session.accessToken)).expect(401);
    const renewed = await api().post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(200);
    expect(renewed.body.user).to.include({ role: 'auxiliary' });
    await api().get('/api/queue').set(bearer(renewed.body.accessToken)).expect(403);
    const [entry] = (await auditFor(officer.user.id)).filter((e) => e.action === 'user.updated');
    expect(entry.details).to.deep.equal({
      from: { role: 'officer', districtId: 1, communityId: null },
      to: { role: 'auxiliary', districtId: 1, communityId: community.id },
    });
  });

  it('moves an officer to another district with its unit, and back to admin without district', async () => {
    const officer = await createUser({ role: 'officer', districtId: 1 });
    const moved = await api().patch(`/api/admin/users/${officer.user.id}`).set(admin.auth).send({ districtId: 11 }).expect(200);
    expect(moved.body.user).to.include({ districtId: 11 });
    expect(moved.body.user.unitId).to.not.equal(officer.user.unitId);
    const promoted = await api().patch(`/api/admin/users/${officer.user.id}`).set(admin.auth).send({ role: 'admin' }).expect(200);
    expect(promoted.body.user).to.include({ role: 'admin', districtId: null, communityId: null, unitId: null });
  });

  it("changes nothing but 'disabled' on a volunteer, and masks their phone in the answer", async () => {
    const volunteer = await createUser({ role: 'volunteer', districtId: 1 });
    const res = await api().patch(`/api/admin/users/${volunteer.user.id}`).set(admin.auth).send({ role: 'officer', districtId: 1 }).expect(400);
    expect(res.body.error.details[0].field).to.equal('role');
    const other = await firstCommunity(11);
    await api().patch(`/api/admin/users/${volunteer.user.id}`).set(admin.auth).send({ communityId: other.id }).expect(400);
    const disabled = await api().patch(`/api/admin/users/${volunteer.user.id}`).set(admin.auth).send({ disabled: true }).expect(200);
    expect(disabled.body.user.phone).to.match(/^1\d\d\*{4}\d{4}$/);
    await api().get('/api/me').set(volunteer.auth).expect(401);
  });

  it('refuses to disable or demote oneself (403), an empty change (400), a bad id (400) and an unknown one (404)', async () => {
    await api().patch(`/api/admin/users/${admin.user.id}`).set(admin.auth).send({ disabled: true }).expect(403);
    await api().patch(`/api/admin/users/${admin.user.id}`).set(admin.auth).send({ role: 'officer', districtId: 1 }).expect(403);
    await api().post(`/api/admin/users/${admin.user.id}/reset-password`).set(admin.auth).expect(403);
    const officer = await createUser({ role: 'officer', districtId: 1 });
    await api().patch(`/api/admin/users/${officer.user.id}`).set(admin.auth).send({}).expect(400);
    await api().patch(`/api/admin/users/${officer.user.id}`).set(admin.auth).send({ disabled: 'yes' }).expect(400);
    await api().patch(`/api/admin/users/${officer.user.id}`).set(admin.auth).send({ role: 'volunteer' }).expect(400);
    await api().patch(`/api/admin/users/${officer.user.id}`).set(admin.auth).send({ communityId: 1 }).expect(400);
    await api().patch('/api/admin/users/not-a-uuid').set(admin.auth).send({ disabled: true }).expect(400);
    await api().patch('/api/admin/users/00000000-0000-4000-8000-000000000000').set(admin.auth).send({ disabled: true }).expect(404);
    await api().get('/api/me').set(admin.auth).expect(200);
  });

  it('refuses to re-enable an auxiliary whose community has meanwhile got another (409)', async () => {
    const community = await communityOf(11, 2);
    const first = await createUser({ role: 'auxiliary', districtId: 11, communityId: community.id });
    await api().patch(`/api/admin/users/${first.user.id}`).set(admin.auth).send({ disabled: true }).expect(200);
    await api()
      .post('/api/admin/users')
      .set(admin.auth)
      .send({ phone: nextPhone(), displayName: '接任辅警', role: 'auxiliary', communityId: community.id })
      .expect(201);
    await api().patch(`/api/admin/users/${first.user.id}`).set(admin.auth).send({ disabled: false }).expect(409);
  });
});

describe('accounts: resetting a password', () => {
  it('answers a temporary password, revokes every session and the old password, and audits it', async () => {
    const supervisor = await createUser({ role: 'supervisor', districtId: 1 });
    const officer = await createUser({ role: 'officer', districtId: 1 });
    const session = await login(officer.phone, officer.password);
    const res = await api().post(`/api/admin/users/${officer.user.id}/reset-password`).set(supervisor.auth).expect(200);
    expect(res.body.temporaryPassword).to.match(TEMPORARY);
    await api().get('/api/queue').set(bearer(session.accessToken)).expect(401);
    await api().post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    await login(officer.phone, officer.password, 401);
    const fresh = await login(officer.phone, res.body.temporaryPassword);
    expect(fresh.mustChangePassword).to.equal(true);
    const [entry] = await auditFor(officer.user.id);
    expect(entry).to.include({ action: 'user.password_reset', actorId: supervisor.user.id, actorRole: 'supervisor' });
    expect(JSON.stringify(entry)).not.to.include(res.body.temporaryPassword);
  });
});

describe('accounts: token epochs across instances', () => {
  afterEach(() => tokenEpochs.setMaxAgeMs(2000));

  it('refuses a token revoked by another instance once the in-process view is reloaded', async () => {
    const officer = await createUser({ role: 'officer', districtId: 1 });
    await api().get('/api/me').set(officer.auth).expect(200);
    // another instance bumps the epoch: this process learns it only from its next reload
    await db()
      .update(users)
      .set({ tokenEpoch: sql`${users.tokenEpoch} + 1`, tokenEpochChangedAt: new Date() })
      .where(eq(users.id, officer.user.id));
    tokenEpochs.setMaxAgeMs(0);
    await api().get('/api/me').set(officer.auth).expect(401);
  });

  it('keeps accepting tokens of users whose epoch changed before the tokens were issued', async () => {
    const officer = await createUser({ role: 'officer', districtId: 1 });
    const admin = await createUser({ role: 'admin' });
    await api().patch(`/api/admin/users/${officer.user.id}`).set(admin.auth).send({ districtId: 11 }).expect(200);
    const session = await login(officer.phone, officer.password);
    tokenEpochs.setMaxAgeMs(0);
    await api().get('/api/me').set(bearer(session.accessToken)).expect(200);
  });
});

describe('accounts: token epochs announced through Redis (REDIS_URL)', () => {
  const channel = `hy:token-epochs:test-${process.pid}-${Math.floor(Math.random() * 1e9)}`;
  const here = new EpochCache(60_000);
  const there = new EpochCache(60_000);

  before(async function () {
    // CI starts Redis: there a missing Redis is a failure, elsewhere the in-process cache is what runs
    requireService(this, `Redis at ${REDIS_URL}`, await redisReachable(REDIS_URL));
    await Promise.all([here.connect(REDIS_URL, undefined, channel), there.connect(REDIS_URL, undefined, channel)]);
  });
  after(async () => {
    await Promise.all([here.close(), there.close()]);
  });

  it('refuses on the other instance a token revoked here, long before its own reload is due', async () => {
    const officer = await createUser({ role: 'officer', districtId: 1 });
    expect(await there.isCurrent(officer.actor)).to.equal(true);
    here.changed(officer.user.id, officer.actor.epoch + 1, new Date());
    // pub/sub delivery is asynchronous: poll for it (the reload is 60 s away, so only Redis can tell)
    let isCurrent = true;
    for (let i = 0; i < 100 && isCurrent; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      isCurrent = await there.isCurrent(officer.actor);
    }
    expect(isCurrent).to.equal(false);
    expect(await there.isCurrent({ id: officer.user.id, epoch: officer.actor.epoch + 1 })).to.equal(true);
  });
});

describe('accounts: the first admin, from the console (npm run create-admin)', () => {
  it('creates an admin who must change the temporary password, and resets a locked-out one', async () => {
    const phone = nextPhone();
    const created = await bootstrapAdmin({ phone, displayName: '市局管理员' });
    expect(created.created).to.equal(true);
    const first = await login(phone, created.temporaryPassword);
    expect(first.mustChangePassword).to.equal(true);
    expect(first.user.role).to.equal('admin');
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.phone, phone));
    const again = await bootstrapAdmin({ phone, displayName: 'ignored' });
    expect(again).to.include({ created: false, userId: created.userId });
    await api().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    await login(phone, created.temporaryPassword, 401);
    expect((await login(phone, again.temporaryPassword)).mustChangePassword).to.equal(true);
    expect((await auditFor(created.userId)).map((e) => [e.action, e.actorId])).to.deep.equal([
      ['user.created', null],
      ['user.password_reset', null],
    ]);
  });

  it('never turns another role into an admin', async () => {
    const officer = await createUser({ role: 'officer', districtId: 1 });
    let error: unknown;
    await bootstrapAdmin({ phone: officer.phone, displayName: '夺权' }).catch((e: unknown) => (error = e));
    expect((error as { code?: string }).code).to.equal('CONFLICT');
    const [row] = await db().select().from(users).where(eq(users.id, officer.user.id));
    expect(row).to.include({ role: 'officer', passwordHash: officer.user.passwordHash });
  });
});

describe('accounts: the demo auxiliary', () => {
  it("is seeded in the demo volunteer's community", async () => {
    await seedDemo(db());
    const [volunteer] = await db().select().from(users).where(eq(users.phone, '13800000001'));
    const [auxiliary] = await db().select().from(users).where(eq(users.phone, '13800000007'));
    expect(auxiliary).to.include({ role: 'auxiliary', communityId: volunteer.communityId, districtId: 1, unitId: null });
    await login('13800000007', DEMO_PASSWORD);
  });
});
