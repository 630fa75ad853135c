import { expect } from 'chai';
import { api } from './support/harness';
import { firstCommunity, nextPhone } from './support/factories';

describe('auth: register, login, refresh', () => {
  it('registers a volunteer and returns tokens and the user', async () => {
    const community = await firstCommunity(1);
    const phone = nextPhone();
    const res = await api()
      .post('/api/auth/register')
      .send({ phone, password: 'a-Good-passphrase', displayName: '测试群众', communityId: community.id })
      .expect(201);
    expect(res.body.user).to.include({ phone, role: 'volunteer', communityId: community.id, points: 0 });
    expect(res.body.accessToken).to.be.a('string');
    const me = await api().get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body.user.id).to.equal(res.body.user.id);
  });

  it('rotates refresh tokens and revokes the chain when a spent one is presented', async () => {
    const community = await firstCommunity(1);
    const reg = await api()
      .post('/api/auth/register')
      .send({ phone: nextPhone(), password: 'a-Good-passphrase', displayName: '测试群众', communityId: community.id })
      .expect(201);
    const first = reg.body.refreshToken as string;
    const second = (await api().post('/api/auth/refresh').send({ refreshToken: first }).expect(200)).body.refreshToken;
    await api().post('/api/auth/refresh').send({ refreshToken: first }).expect(401);
    // the reuse revoked the whole family, including the token issued after it
    await api().post('/api/auth/refresh').send({ refreshToken: second }).expect(401);
  });
});
