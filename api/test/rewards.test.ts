import { expect } from 'chai';
import { and, asc, eq } from 'drizzle-orm';
import { auditLog, communities, pointsLedger, redemptions, rewards } from '../src/db/schema/index';
import { createUser, type TestUser } from './support/factories';
import { api, db } from './support/harness';
import { asDistrictOrganizer, balanceOf, grant, makeReward } from './support/points-helpers';

const HOUR = 3600_000;

async function districtCommunities(districtId: number) {
  return db().select().from(communities).where(eq(communities.districtId, districtId)).orderBy(asc(communities.id)).limit(3);
}

const stockOf = async (id: string) => (await db().select({ s: rewards.stock }).from(rewards).where(eq(rewards.id, id)))[0].s;

const redeem = (who: TestUser, rewardId: string) => api().post(`/api/rewards/${rewardId}/redeem`).set(who.auth);

describe('rewards: catalogue, redemption, fulfilment', () => {
  describe('GET /api/rewards', () => {
    it('shows a volunteer what is on offer to them now: city-wide and their own community, cheapest first', async () => {
      const [c1, c2] = await districtCommunities(1);
      const v = await createUser({ communityId: c1.id });
      const cityWide = await makeReward({ nameEn: 'city-wide', cost: 15 });
      const own = await makeReward({ nameEn: 'own community', communityId: c1.id, cost: 5 });
      const other = await makeReward({ nameEn: 'other community', communityId: c2.id });
      const off = await makeReward({ nameEn: 'switched off', isActive: false });
      const expired = await makeReward({ nameEn: 'expired', activeUntil: new Date(Date.now() - HOUR) });
      const future = await makeReward({ nameEn: 'not yet', activeFrom: new Date(Date.now() + HOUR) });
      const res = await api().get('/api/rewards').set(v.auth).expect(200);
      const ids = res.body.rewards.map((r: { id: string }) => r.id);
      expect(ids).to.include.members([cityWide.id, own.id]);
      for (const hidden of [other, off, expired, future]) expect(ids).to.not.include(hidden.id);
      expect(ids.indexOf(own.id)).to.be.lessThan(ids.indexOf(cityWide.id));
      expect(res.body.rewards[0]).to.not.have.property('isActive');
    });

    it('refuses a caller who is not signed in, and police', async () => {
      await api().get('/api/rewards').expect(401);
      const officer = await createUser({ role: 'officer' });
      await api().get('/api/rewards').set(officer.auth).expect(403);
    });
  });

  describe('managing the catalogue', () => {
    it('lets an organizer offer a reward to their community, audited', async () => {
      const organizer = await createUser({ role: 'organizer' });
      const res = await api()
        .post('/api/rewards')
        .set(organizer.auth)
        .send({ nameZh: '社区电影票', nameEn: 'Community cinema ticket', cost: 40, stock: 5 })
        .expect(201);
      expect(res.body.reward).to.include({ communityId: organizer.user.communityId, cost: 40, stock: 5, isActive: true, canEdit: true });
      const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'reward.create'), eq(auditLog.entityId, res.body.reward.id)));
      expect(entry.actorId).to.equal(organizer.user.id);
    });

    it('keeps organizers to their own communities and city-wide rewards to admins', async () => {
      const [c1, c2] = await districtCommunities(1);
      const organizer = await createUser({ role: 'organizer', communityId: c1.id });
      const body = { nameZh: '奖品', nameEn: 'Prize', cost: 10, stock: 1 };
      await api().post('/api/rewards').set(organizer.auth).send({ ...body, communityId: c2.id }).expect(403);
      const cityWide = await makeReward();
      const others = await makeReward({ communityId: c2.id });
      await api().patch(`/api/rewards/${cityWide.id}`).set(organizer.auth).send({ stock: 0 }).expect(403);
      await api().patch(`/api/rewards/${others.id}`).set(organizer.auth).send({ stock: 0 }).expect(404);
      expect(await stockOf(cityWide.id)).to.equal(10);
      const admin = await createUser({ role: 'admin' });
      const created = await api().post('/api/rewards').set(admin.auth).send(body).expect(201);
      expect(created.body.reward.communityId).to.equal(null);
      const volunteer = await createUser();
      await api().post('/api/rewards').set(volunteer.auth).send(body).expect(403);
    });

    it('edits a reward and refuses bad catalogue input with 400 naming the field', async () => {
      const organizer = await createUser({ role: 'organizer' });
      const created = await api()
        .post('/api/rewards')
        .set(organizer.auth)
        .send({ nameZh: '水杯', nameEn: 'Cup', cost: 30, stock: 3 })
        .expect(201);
      const id = created.body.reward.id;
      const edited = await api().patch(`/api/rewards/${id}`).set(organizer.auth).send({ stock: 7, isActive: false }).expect(200);
      expect(edited.body.reward).to.include({ stock: 7, isActive: false, isOffered: false });
      const bad: [Record<string, unknown>, string][] = [
        [{ nameZh: '奖', nameEn: 'P', cost: 0, stock: 1 }, 'cost'],
        [{ nameZh: '奖', nameEn: 'P', cost: 5, stock: -1 }, 'stock'],
        [{ nameZh: '', nameEn: 'P', cost: 5, stock: 1 }, 'nameZh'],
        [{ nameZh: '奖', nameEn: 'P', cost: 5, stock: 1, activeFrom: '2030-01-02T00:00:00Z', activeUntil: '2030-01-01T00:00:00Z' }, 'activeUntil'],
        [{ nameZh: '奖', nameEn: 'P', cost: 5, stock: 1, price: 3 }, 'price'],
      ];
      for (const [body, field] of bad) {
        const res = await api().post('/api/rewards').set(organizer.auth).send(body).expect(400);
        expect(res.body.error.details.map((d: { field: string }) => d.field)).to.include(field);
      }
      await api().patch(`/api/rewards/${id}`).set(organizer.auth).send({}).expect(400);
      await api().patch(`/api/rewards/${id}`).set(organizer.auth).send({ activeFrom: '2030-01-02T00:00:00Z', activeUntil: '2030-01-01T00:00:00Z' }).expect(400);
      await api().patch('/api/rewards/not-a-uuid').set(organizer.auth).send({ stock: 1 }).expect(400);
    });
  });

  describe('POST /api/rewards/:id/redeem', () => {
    it('debits the points, takes one from stock and records a pending redemption', async () => {
      const v = await createUser();
      await grant(v, 50);
      const reward = await makeReward({ cost: 20, stock: 4, nameEn: 'Badge' });
      const res = await redeem(v, reward.id).expect(201);
      expect(res.body.balance).to.equal(30);
      expect(res.body.redemption).to.include({ status: 'pending', cost: 20 });
      expect(res.body.redemption.reward).to.include({ id: reward.id, nameEn: 'Badge' });
      expect(await balanceOf(v)).to.equal(30);
      expect(await stockOf(reward.id)).to.equal(3);
      const points = await api().get('/api/me/points').set(v.auth).expect(200);
      expect(points.body.entries[0]).to.include({ reason: 'redemption', delta: -20 });
      expect(points.body.entries[0].redemption.reward).to.include({ nameEn: 'Badge' });
      const mine = await api().get('/api/redemptions/mine').set(v.auth).expect(200);
      expect(mine.body.redemptions.map((r: { id: string }) => r.id)).to.deep.equal([res.body.redemption.id]);
    });

    it('refuses too few points with 409 and writes nothing', async () => {
      const v = await createUser();
      await grant(v, 19);
      const reward = await makeReward({ cost: 20, stock: 4 });
      const res = await redeem(v, reward.id).expect(409);
      expect(res.body.error.details).to.include({ reason: 'insufficient_points', balance: 19, needed: 20 });
      expect(res.body.error.message).to.match(/Not enough points/);
      expect(res.body.error.code).to.equal('NOT_ENOUGH_POINTS');
      expect(await balanceOf(v)).to.equal(19);
      expect(await stockOf(reward.id)).to.equal(4);
      expect(await db().select().from(redemptions).where(eq(redemptions.userId, v.user.id))).to.have.length(0);
    });

    it('refuses out-of-stock and inactive rewards with 409 saying which', async () => {
      const v = await createUser();
      await grant(v, 100);
      const empty = await makeReward({ stock: 0 });
      const off = await makeReward({ isActive: false });
      const expired = await makeReward({ activeUntil: new Date(Date.now() - HOUR) });
      expect((await redeem(v, empty.id).expect(409)).body.error).to.deep.include({ code: 'OUT_OF_STOCK', details: { reason: 'out_of_stock' } });
      expect((await redeem(v, off.id).expect(409)).body.error).to.deep.include({ code: 'REWARD_INACTIVE', details: { reason: 'inactive' } });
      expect((await redeem(v, expired.id).expect(409)).body.error.details.reason).to.equal('inactive');
      expect(await balanceOf(v)).to.equal(100);
    });

    it('answers 404 for an unknown reward or another community’s, 400 for a malformed id, 403 for non-volunteers', async () => {
      const [c1, c2] = await districtCommunities(1);
      const v = await createUser({ communityId: c1.id });
      await grant(v, 100);
      const others = await makeReward({ communityId: c2.id });
      await redeem(v, others.id).expect(404);
      await redeem(v, '6f1d0c8e-1111-4a4a-9b9b-000000000000').expect(404);
      await redeem(v, 'abc').expect(400);
      const organizer = await createUser({ role: 'organizer' });
      await redeem(organizer, others.id).expect(403);
      await api().post(`/api/rewards/${others.id}/redeem`).expect(401);
      expect(await balanceOf(v)).to.equal(100);
    });

    it('lets exactly floor(balance / cost) of many parallel clicks succeed, never a negative balance', async () => {
      const v = await createUser();
      await grant(v, 100);
      const reward = await makeReward({ cost: 30, stock: 50 });
      const results = await Promise.all(Array.from({ length: 8 }, () => redeem(v, reward.id)));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).to.have.length(3);
      expect(statuses.filter((s) => s === 409)).to.have.length(5);
      expect(await balanceOf(v)).to.equal(10);
      expect(await stockOf(reward.id)).to.equal(47);
    });

    it('never gives out more than the stock when many volunteers redeem at once', async () => {
      const volunteers = await Promise.all(Array.from({ length: 6 }, () => createUser()));
      for (const v of volunteers) await grant(v, 50);
      const reward = await makeReward({ cost: 20, stock: 3 });
      const results = await Promise.all(volunteers.map((v) => redeem(v, reward.id)));
      expect(results.filter((r) => r.status === 201)).to.have.length(3);
      for (const r of results.filter((x) => x.status !== 201)) expect(r.body.error.details.reason).to.equal('out_of_stock');
      expect(await stockOf(reward.id)).to.equal(0);
      const balances = await Promise.all(volunteers.map(balanceOf));
      expect(balances.reduce((a, b) => a + b, 0)).to.equal(6 * 50 - 3 * 20);
    });

    it('redeems once for a repeated Idempotency-Key', async () => {
      const v = await createUser();
      await grant(v, 100);
      const reward = await makeReward({ cost: 20 });
      const key = `redeem-${reward.id}`;
      const [a, b] = await Promise.all([redeem(v, reward.id).set('Idempotency-Key', key), redeem(v, reward.id).set('Idempotency-Key', key)]);
      expect([a.status, b.status]).to.deep.equal([201, 201]);
      expect(a.body.redemption.id).to.equal(b.body.redemption.id);
      expect(await balanceOf(v)).to.equal(80);
    });
  });

  describe('fulfilling and rejecting redemptions', () => {
    async function pendingRedemption(opts: { communityId?: number } = {}) {
      const v = await createUser(opts);
      await grant(v, 100);
      const reward = await makeReward({ cost: 40, stock: 5 });
      const res = await redeem(v, reward.id).expect(201);
      return { v, reward, id: res.body.redemption.id as string };
    }

    it('lets the volunteer’s community organizer fulfil it once', async () => {
      const { v, id } = await pendingRedemption();
      const organizer = await createUser({ role: 'organizer', communityId: v.user.communityId! });
      const queue = await api().get('/api/redemptions').query({ status: 'pending' }).set(organizer.auth).expect(200);
      const item = queue.body.redemptions.find((r: { id: string }) => r.id === id);
      expect(item.volunteer).to.deep.equal({ displayName: v.user.displayName });
      expect(JSON.stringify(queue.body)).to.not.include(v.phone);
      const res = await api().post(`/api/redemptions/${id}/fulfil`).set(organizer.auth).send({}).expect(200);
      expect(res.body.redemption.status).to.equal('fulfilled');
      await api().post(`/api/redemptions/${id}/fulfil`).set(organizer.auth).send({}).expect(409);
      await api().post(`/api/redemptions/${id}/reject`).set(organizer.auth).send({}).expect(409);
      expect(await balanceOf(v)).to.equal(60);
      const mine = await api().get('/api/redemptions/mine').set(v.auth).expect(200);
      expect(mine.body.redemptions[0].status).to.equal('fulfilled');
    });

    it('refunds a rejection exactly once, even when two organizers reject at the same moment', async () => {
      const { v, reward, id } = await pendingRedemption();
      const organizer = await createUser({ role: 'organizer', communityId: v.user.communityId! });
      const admin = await createUser({ role: 'admin' });
      const [a, b] = await Promise.all([
        api().post(`/api/redemptions/${id}/reject`).set(organizer.auth).send({ note: '库存实际不足' }),
        api().post(`/api/redemptions/${id}/reject`).set(admin.auth).send({ note: 'duplicate click' }),
      ]);
      expect([a.status, b.status].sort()).to.deep.equal([200, 409]);
      expect(await balanceOf(v)).to.equal(100);
      expect(await stockOf(reward.id)).to.equal(5);
      const refunds = await db()
        .select()
        .from(pointsLedger)
        .where(and(eq(pointsLedger.redemptionId, id), eq(pointsLedger.reason, 'redemption_refund')));
      expect(refunds).to.have.length(1);
      expect(refunds[0].delta).to.equal(40);
      const mine = await api().get('/api/redemptions/mine').set(v.auth).expect(200);
      expect(mine.body.redemptions[0].status).to.equal('rejected');
      const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'redemption.reject'), eq(auditLog.entityId, id)));
      expect(entry).to.not.equal(undefined);
    });

    it('hides other communities’ redemptions from an organizer (404, not in the queue)', async () => {
      const [c1, c2] = await districtCommunities(1);
      const { id } = await pendingRedemption({ communityId: c1.id });
      const stranger = await createUser({ role: 'organizer', communityId: c2.id });
      const queue = await api().get('/api/redemptions').set(stranger.auth).expect(200);
      expect(queue.body.redemptions.map((r: { id: string }) => r.id)).to.not.include(id);
      await api().post(`/api/redemptions/${id}/fulfil`).set(stranger.auth).send({}).expect(404);
      await api().post(`/api/redemptions/${id}/reject`).set(stranger.auth).send({}).expect(404);
      const volunteer = await createUser({ communityId: c1.id });
      await api().post(`/api/redemptions/${id}/fulfil`).set(volunteer.auth).send({}).expect(403);
      await api().get('/api/redemptions').set(volunteer.auth).expect(403);
    });

    it('lets a district organizer manage every community of the district and none of another', async () => {
      const [c1] = await districtCommunities(1);
      const [far] = await districtCommunities(11);
      const near = await pendingRedemption({ communityId: c1.id });
      const away = await pendingRedemption({ communityId: far.id });
      const organizer = await asDistrictOrganizer(await createUser({ role: 'organizer' }), 1);
      const queue = await api().get('/api/redemptions').query({ status: 'pending', limit: 100 }).set(organizer.auth).expect(200);
      const ids = queue.body.redemptions.map((r: { id: string }) => r.id);
      expect(ids).to.include(near.id);
      expect(ids).to.not.include(away.id);
      await api().post(`/api/redemptions/${away.id}/fulfil`).set(organizer.auth).send({}).expect(404);
      await api().post(`/api/redemptions/${near.id}/fulfil`).set(organizer.auth).send({}).expect(200);
    });

    it('answers bad queue parameters with 400', async () => {
      const organizer = await createUser({ role: 'organizer' });
      await api().get('/api/redemptions').query({ status: 'lost' }).set(organizer.auth).expect(400);
      await api().get('/api/redemptions').query({ cursor: '!!' }).set(organizer.auth).expect(400);
      await api().post('/api/redemptions/xyz/fulfil').set(organizer.auth).send({}).expect(400);
      await api().post('/api/redemptions/6f1d0c8e-1111-4a4a-9b9b-000000000000/reject').set(organizer.auth).send({ note: 5 }).expect(400);
    });
  });
});
