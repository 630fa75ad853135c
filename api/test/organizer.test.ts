import { expect } from 'chai';
import { asc, eq, inArray } from 'drizzle-orm';
import { communities, tips } from '../src/db/schema/index';
import { cstWeekStart } from '../src/lib/time';
import { createTip, createUser } from './support/factories';
import { api, db } from './support/harness';
import { asDistrictOrganizer, grant } from './support/points-helpers';

/** Tips of these tests go to 衡山县's queue, so other files' first queue pages stay as they expect. */
const QUIET_DISTRICT = { districtId: 8 };

async function districtCommunities(districtId: number) {
  return db().select().from(communities).where(eq(communities.districtId, districtId)).orderBy(asc(communities.id)).limit(3);
}

describe('organizer: members, activity, scope', () => {
  it('is for organizers (and admins) only', async () => {
    const v = await createUser();
    const officer = await createUser({ role: 'officer' });
    for (const path of ['/api/organizer/communities', '/api/organizer/members', '/api/organizer/activity']) {
      await api().get(path).expect(401);
      await api().get(path).set(v.auth).expect(403);
      await api().get(path).set(officer.auth).expect(403);
    }
  });

  it('shows a community organizer their one community with its points', async () => {
    const [, c2] = await districtCommunities(1);
    const organizer = await createUser({ role: 'organizer', communityId: c2.id });
    const member = await createUser({ communityId: c2.id });
    const before = await api().get('/api/organizer/communities').set(organizer.auth).expect(200);
    await grant(member, 12);
    const res = await api().get('/api/organizer/communities').set(organizer.auth).expect(200);
    expect(res.body.communities).to.have.length(1);
    expect(res.body.communities[0]).to.include({ id: c2.id, districtId: 1 });
    expect(res.body.communities[0].points.week - before.body.communities[0].points.week).to.equal(12);
    expect(res.body.communities[0].points.all - before.body.communities[0].points.all).to.equal(12);
  });

  it('lists members with display name, join date and points, never phone numbers', async () => {
    const [c1, c2] = await districtCommunities(1);
    const organizer = await createUser({ role: 'organizer', communityId: c1.id });
    const member = await createUser({ communityId: c1.id, displayName: '成员甲' });
    const outsider = await createUser({ communityId: c2.id, displayName: '外人乙' });
    await grant(member, 7);
    const res = await api().get('/api/organizer/members').query({ limit: 100 }).set(organizer.auth).expect(200);
    const row = res.body.members.find((m: { displayName: string }) => m.displayName === '成员甲');
    expect(row).to.include({ balance: 7, pointsEarned: 7 });
    expect(row.joinedAt).to.be.a('string');
    expect(Object.keys(row).sort()).to.deep.equal(['balance', 'community', 'displayName', 'joinedAt', 'pointsEarned']);
    expect(res.body.members.map((m: { displayName: string }) => m.displayName)).to.not.include('外人乙');
    const text = JSON.stringify(res.body);
    expect(text).to.not.include(member.phone);
    expect(text).to.not.include(outsider.phone);
    await api().get('/api/organizer/members').query({ communityId: c2.id }).set(organizer.auth).expect(403);
    await api().get('/api/organizer/members').query({ communityId: 'abc' }).set(organizer.auth).expect(400);
  });

  it('pages through members with a cursor', async () => {
    const [, , c3] = await districtCommunities(1);
    const organizer = await createUser({ role: 'organizer', communityId: c3.id });
    for (let i = 0; i < 3; i++) await createUser({ communityId: c3.id });
    const first = await api().get('/api/organizer/members').query({ limit: 2 }).set(organizer.auth).expect(200);
    expect(first.body.members).to.have.length(2);
    expect(first.body.nextCursor).to.be.a('string');
    const second = await api().get('/api/organizer/members').query({ limit: 2, cursor: first.body.nextCursor }).set(organizer.auth).expect(200);
    expect(second.body.members.length).to.be.greaterThan(0);
    const names = [...first.body.members, ...second.body.members].map((m: { displayName: string }) => m.displayName);
    expect(new Set(names).size).to.equal(names.length);
  });

  it('counts tips submitted and validated per week in their communities, without any tip content', async () => {
    const [c1, c2] = await districtCommunities(1);
    const organizer = await createUser({ role: 'organizer', communityId: c1.id });
    const before = await api().get('/api/organizer/activity').query({ period: 'week', buckets: 4 }).set(organizer.auth).expect(200);
    const reporter = await createUser({ communityId: c1.id });
    const elsewhere = await createUser({ communityId: c2.id });
    const t1 = await createTip(reporter, QUIET_DISTRICT);
    const t2 = await createTip(reporter, QUIET_DISTRICT);
    await createTip(elsewhere, QUIET_DISTRICT);
    await createTip(null, QUIET_DISTRICT);
    await db().update(tips).set({ status: 'valid', decidedAt: new Date() }).where(inArray(tips.id, [t1.tip.id]));
    const res = await api().get('/api/organizer/activity').query({ period: 'week', buckets: 4 }).set(organizer.auth).expect(200);
    expect(res.body.series).to.have.length(4);
    const now = res.body.series.at(-1);
    const was = before.body.series.at(-1);
    expect(now.periodStart).to.equal(cstWeekStart());
    expect(now.submitted - was.submitted).to.equal(2);
    expect(now.validated - was.validated).to.equal(1);
    const text = JSON.stringify(res.body);
    for (const t of [t1, t2]) {
      expect(text).to.not.include(t.tip.reference);
      expect(text).to.not.include(t.tip.id);
    }
    expect(text).to.not.include(reporter.user.id);
    const months = await api().get('/api/organizer/activity').query({ period: 'month', buckets: 12 }).set(organizer.auth).expect(200);
    expect(months.body.series).to.have.length(12);
    expect(months.body.series.at(-1).periodStart).to.match(/-01$/);
    await api().get('/api/organizer/activity').query({ period: 'day' }).set(organizer.auth).expect(400);
    await api().get('/api/organizer/activity').query({ buckets: 53 }).set(organizer.auth).expect(400);
    await api().get('/api/organizer/activity').query({ communityId: c2.id }).set(organizer.auth).expect(403);
  });

  it('cannot read tips, not even those of their own community', async () => {
    const organizer = await createUser({ role: 'organizer' });
    const reporter = await createUser({ communityId: organizer.user.communityId! });
    const { tip } = await createTip(reporter, QUIET_DISTRICT);
    await api().get(`/api/tips/${tip.id}`).set(organizer.auth).expect(404);
  });

  it('gives a district organizer every community of the district and nothing beyond it', async () => {
    const organizer = await asDistrictOrganizer(await createUser({ role: 'organizer' }), 11);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await api()
        .get('/api/organizer/communities')
        .query({ limit: 100, ...(cursor ? { cursor } : {}) })
        .set(organizer.auth)
        .expect(200);
      const body = res.body as { communities: { id: number }[]; nextCursor: string | null };
      seen.push(...body.communities.map((c) => c.id));
      cursor = body.nextCursor;
    } while (cursor);
    const all11 = await db().select({ id: communities.id }).from(communities).where(eq(communities.districtId, 11));
    expect(all11).to.have.length(380);
    expect(seen.sort()).to.deep.equal(all11.map((c) => c.id).sort());
    const searched = await api().get('/api/organizer/communities').query({ q: '岳屏' }).set(organizer.auth).expect(200);
    expect(searched.body.communities.every((c: { districtId: number }) => c.districtId === 11)).to.equal(true);
    const [c1] = await districtCommunities(1);
    await api().get('/api/organizer/members').query({ communityId: c1.id }).set(organizer.auth).expect(403);
    const far = await createUser({ districtId: 11, displayName: '耒阳成员' });
    const members = await api().get('/api/organizer/members').query({ limit: 100 }).set(organizer.auth).expect(200);
    expect(members.body.members.map((m: { displayName: string }) => m.displayName)).to.include('耒阳成员');
    expect(JSON.stringify(members.body)).to.not.include(far.phone);
  });

  it('lets an admin find any community of the city by search and open it with its points', async () => {
    const admin = await createUser({ role: 'admin' });
    const found = await api().get('/api/organizer/communities').query({ q: 'ypsq' }).set(admin.auth).expect(200);
    const yueping = found.body.communities.find((c: { code: string }) => c.code === '430406003001');
    expect(yueping).to.include({ nameZh: '岳屏社区', nameEn: 'Yueping Community', districtId: 1 });
    expect(yueping.points).to.have.all.keys('week', 'month', 'all');
    const [far] = await db().select().from(communities).where(eq(communities.code, '430482001001'));
    const one = await api().get('/api/organizer/communities').query({ communityId: far.id }).set(admin.auth).expect(200);
    expect(one.body.communities.map((c: { id: number }) => c.id)).to.deep.equal([far.id]);
    const member = await createUser({ districtId: 12, communityId: far.id, displayName: '常宁成员' });
    const members = await api().get('/api/organizer/members').query({ communityId: far.id }).set(admin.auth).expect(200);
    expect(members.body.members.map((m: { displayName: string }) => m.displayName)).to.deep.equal(['常宁成员']);
    expect(JSON.stringify(members.body)).to.not.include(member.phone);
  });

  it('refuses a community organizer another community (403) and bad parameters (400)', async () => {
    const [c1, c2] = await districtCommunities(1);
    const organizer = await createUser({ role: 'organizer', communityId: c1.id });
    await api().get('/api/organizer/communities').query({ communityId: c2.id }).set(organizer.auth).expect(403);
    const own = await api().get('/api/organizer/communities').set(organizer.auth).expect(200);
    expect(own.body).to.include({ nextCursor: null });
    expect(own.body.communities.map((c: { id: number }) => c.id)).to.deep.equal([c1.id]);
    for (const query of [{ limit: '0' }, { q: 'x'.repeat(41) }, { cursor: '!!' }, { communityId: 'x' }]) {
      await api().get('/api/organizer/communities').query(query).set(organizer.auth).expect(400);
    }
  });
});
