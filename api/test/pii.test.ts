import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { eq, sql } from 'drizzle-orm';
import { users } from '../src/db/schema/index';
import { decryptPii, encryptPii, needsReencryption, setPiiKeys } from '../src/lib/pii';
import { api, db, harness } from './support/harness';
import { createUser, type TestUser } from './support/factories';

/** Numbers with valid check characters (a published GB 11643 sample, and one made up for 衡阳). */
const ID_NUMBER = '11010519491231002X';
const OTHER_ID_NUMBER = '430407198806153018';

describe('pii: real name and ID number, encrypted at rest', () => {
  let volunteer: TestUser;
  before(async () => {
    volunteer = await createUser({ role: 'volunteer' });
  });

  it('stores the ID number and real name only encrypted, and shows the volunteer a masked number', async () => {
    const res = await api().patch('/api/me').set(volunteer.auth).send({ realName: '欧阳振华', idNumber: ID_NUMBER.toLowerCase() }).expect(200);
    expect(res.body.identity).to.deep.equal({ realName: '欧阳振华', idNumberMasked: '110***********002X', hasIdNumber: true });

    const [row] = await db().select().from(users).where(eq(users.id, volunteer.user.id));
    expect(row.idNumberEnc).to.be.a('string').and.not.contain(ID_NUMBER);
    expect(row.realNameEnc).to.be.a('string').and.not.contain('欧阳振华');
    expect(decryptPii(row.idNumberEnc!)).to.equal(ID_NUMBER);
    // nowhere in the users table, in any column, in any form a LIKE can find
    for (const plain of [ID_NUMBER, '欧阳振华', '19491231']) {
      const hit = await db().execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM users u WHERE u::text ILIKE ${'%' + plain + '%'}`);
      expect(Number(hit.rows[0].n), plain).to.equal(0);
    }
    expect(harness().logLines.some((l) => l.includes(ID_NUMBER) || l.includes('欧阳振华'))).to.equal(false);

    const again = await api().get('/api/me/identity').set(volunteer.auth).expect(200);
    expect(again.body.identity.idNumberMasked).to.equal('110***********002X');
  });

  it('encrypts the same value differently each time (random IV)', async () => {
    const a = encryptPii(ID_NUMBER);
    const b = encryptPii(ID_NUMBER);
    expect(a).not.to.equal(b);
    expect(decryptPii(a)).to.equal(decryptPii(b));
  });

  it('updates one field at a time and removes a field with null', async () => {
    const v = await createUser({ role: 'volunteer' });
    await api().patch('/api/me').set(v.auth).send({ idNumber: OTHER_ID_NUMBER }).expect(200);
    const named = await api().patch('/api/me').set(v.auth).send({ realName: '李四' }).expect(200);
    expect(named.body.identity).to.include({ realName: '李四', hasIdNumber: true });
    const cleared = await api().patch('/api/me').set(v.auth).send({ idNumber: null }).expect(200);
    expect(cleared.body.identity).to.deep.equal({ realName: '李四', idNumberMasked: null, hasIdNumber: false });
    const [row] = await db().select().from(users).where(eq(users.id, v.user.id));
    expect(row.idNumberEnc).to.equal(null);
  });

  const bad: [string, object, string][] = [
    ['a wrong check digit', { idNumber: ID_NUMBER.slice(0, 17) + '3' }, 'idNumber'],
    ['17 characters', { idNumber: ID_NUMBER.slice(0, 17) }, 'idNumber'],
    ['letters in the digits', { idNumber: 'A1010519491231002X' }, 'idNumber'],
    ['an impossible birth date', { idNumber: '110105194902300027' }, 'idNumber'],
    ['a one-character name', { realName: '李' }, 'realName'],
    ['markup in the name', { realName: '<b>李四</b>' }, 'realName'],
    ['an unknown field', { phone: '13900000000' }, 'phone'],
    ['nothing to change', {}, '(root)'],
  ];
  for (const [what, body, field] of bad) {
    it(`answers 400 naming ${field} for ${what}`, async () => {
      const res = await api().patch('/api/me').set(volunteer.auth).send(body).expect(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).to.include(field);
    });
  }

  it('asks for a sign-in without a token and refuses police accounts with 403', async () => {
    await api().patch('/api/me').send({ realName: '张三' }).expect(401);
    const officer = await createUser({ role: 'officer' });
    await api().patch('/api/me').set(officer.auth).send({ realName: '张三' }).expect(403);
  });

  it('decrypts old envelopes after a key rotation and marks them for re-encryption', () => {
    const original = harness().config.piiKeys;
    const oldEnvelope = encryptPii(ID_NUMBER);
    const next = { id: `k${Date.now()}`, key: randomBytes(32) };
    try {
      setPiiKeys([next, ...original]);
      expect(decryptPii(oldEnvelope)).to.equal(ID_NUMBER);
      expect(needsReencryption(oldEnvelope)).to.equal(true);
      const fresh = encryptPii(ID_NUMBER);
      expect(fresh.split('.')[1]).to.equal(next.id);
      expect(needsReencryption(fresh)).to.equal(false);
      setPiiKeys(original);
      expect(() => decryptPii(fresh)).to.throw();
    } finally {
      setPiiKeys(original);
    }
  });

  it('refuses a tampered envelope', () => {
    const envelope = encryptPii(ID_NUMBER).split('.');
    const ct = Buffer.from(envelope[4], 'base64url');
    ct[0] ^= 1;
    envelope[4] = ct.toString('base64url');
    expect(() => decryptPii(envelope.join('.'))).to.throw();
  });
});
