import { expect } from 'chai';
import { and, eq, sql } from 'drizzle-orm';
import supertest from 'supertest';
import { campaignParticipants, campaigns, pointsLedger } from '../src/db/schema/index';
import { clock } from '../src/lib/clock';
import { api, db, harness, listen } from './support/harness';
import { createUser, firstCommunity, type TestUser } from './support/factories';
import { auditOf, createCast, ledgerOf, type Cast } from './support/police';
import { award, balanceOf } from './support/points-helpers';
import { seedDemoCampaigns } from '../src/modules/campaigns/demo-campaigns';

/** 祁东县 (10) and 衡山县 (8 is used elsewhere; 3 = 石鼓区): districts no other test file counts. */
const HOME = 10;
const AWAY = 3;
const MIN = 60_000;
/** The meeting place: 祁东县城 (WGS-84). */
const PLACE = { lat: 26.7874, lng: 112.0909 };
/** About `m` metres due north of PLACE (1° of latitude ≈ 111,195 m on turf's sphere). */
const north = (m: number) => ({ lat: PLACE.lat + m / 111_195, lng: PLACE.lng });

type Campaign = { id: string; joinedCount: number; capacity: number | null; status: string; hasJoined: boolean; hasCheckedIn: boolean; hasCheckedOut: boolean };

function campaignInput(overrides: Record<string, unknown> = {}) {
  const now = clock.nowMs();
  return {
    title: '夜间治安巡逻',
    kind: 'patrol',
    description: '沿主街巡逻，留意可疑人员和车辆。',
    startsAt: new Date(now + 60 * MIN).toISOString(),
    endsAt: new Date(now + 180 * MIN).toISOString(),
    ...PLACE,
    radiusM: 200,
    address: '祁东县洪桥街道人民广场',
    points: 20,
    ...overrides,
  };
}

async function post(who: TestUser, overrides: Record<string, unknown> = {}): Promise<Campaign> {
  const res = await api().post('/api/campaigns').set(who.auth).send(campaignInput(overrides));
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body.campaign;
}

const join = (who: TestUser, id: string) => api().post(`/api/campaigns/${id}/join`).set(who.auth).send({});
const leave = (who: TestUser, id: string) => api().post(`/api/campaigns/${id}/leave`).set(who.auth).send({});
const checkIn = (who: TestUser, id: string, at: { lat: number; lng: number } = PLACE, accuracyM = 20) =>
  api().post(`/api/campaigns/${id}/check-in`).set(who.auth).send({ ...at, accuracyM });
const checkOut = (who: TestUser, id: string, at: { lat: number; lng: number } = PLACE) =>
  api().post(`/api/campaigns/${id}/check-out`).set(who.auth).send({ ...at, accuracyM: 20 });
const campaignCount = async () => (await db().select({ n: sql<number>`count(*)::int` }).from(campaigns))[0].n;

describe('campaigns: posting', () => {
  let cast: Cast;
  before(async () => {
    cast = await createCast(HOME, AWAY);
  });
  beforeEach(() => clock.set('2026-06-01T08:00:00+08:00'));

  it('lets an organizer post for their own community, police for their district and admins for any, and audits it', async () => {
    const own = await firstCommunity(HOME);
    const byOrganizer = await post(cast.organizer);
    expect(byOrganizer).to.deep.include({ joinedCount: 0, capacity: null, status: 'upcoming', hasJoined: false, points: 20, kind: 'patrol' });
    expect(byOrganizer).to.have.nested.property('community.id', own.id);
    expect(byOrganizer).to.have.nested.property('district.id', HOME);
    expect(byOrganizer).to.have.deep.property('place', { ...PLACE, radiusM: 200, address: '祁东县洪桥街道人民广场' });

    const byOfficer = await post(cast.officer, { capacity: 10 });
    expect(byOfficer).to.deep.include({ community: null, capacity: 10 });
    expect(byOfficer).to.have.nested.property('district.id', HOME);
    await post(cast.supervisor, { communityId: own.id });
    const byAdmin = await post(cast.admin, { districtId: AWAY });
    expect(byAdmin).to.have.nested.property('district.id', AWAY);

    const [entry] = await auditOf('campaign', byOfficer.id);
    expect(entry).to.include({ action: 'campaign.create', actorId: cast.officer.user.id });
  });

  it('refuses volunteers and auxiliary police (403), strangers (401), and other communities or districts (403)', async () => {
    const away = await firstCommunity(AWAY);
    const before = await campaignCount();
    await api().post('/api/campaigns').send(campaignInput()).expect(401);
    await api().post('/api/campaigns').set(cast.volunteer.auth).send(campaignInput()).expect(403);
    await api().post('/api/campaigns').set(cast.auxiliary.auth).send(campaignInput()).expect(403);
    await api().post('/api/campaigns').set(cast.organizer.auth).send(campaignInput({ communityId: away.id })).expect(403);
    await api().post('/api/campaigns').set(cast.officer.auth).send(campaignInput({ communityId: away.id })).expect(403);
    await api().post('/api/campaigns').set(cast.otherOfficer.auth).send(campaignInput({ districtId: HOME })).expect(403);
    expect(await campaignCount()).to.equal(before);
  });

  it('answers 400 naming each bad field, and writes nothing', async () => {
    const before = await campaignCount();
    const bad: [Record<string, unknown>, string][] = [
      [{ points: 51 }, 'points'],
      [{ points: -1 }, 'points'],
      [{ points: 2.5 }, 'points'],
      [{ radiusM: 49 }, 'radiusM'],
      [{ radiusM: 5001 }, 'radiusM'],
      [{ kind: 'party' }, 'kind'],
      [{ title: ' ' }, 'title'],
      [{ lat: 91 }, 'lat'],
      [{ lng: '112' }, 'lng'],
      [{ capacity: 0 }, 'capacity'],
      [{ startsAt: '2026-02-30T08:00:00+08:00' }, 'startsAt'],
      [{ endsAt: '2026-06-01T07:00:00+08:00' }, 'endsAt'],
      [{ startsAt: '2026-05-31T06:00:00+08:00', endsAt: '2026-05-31T07:00:00+08:00' }, 'endsAt'],
      [{ communityId: 99_999_999 }, 'communityId'],
      [{ sneaky: true }, 'sneaky'],
    ];
    for (const [overrides, field] of bad) {
      const res = await api().post('/api/campaigns').set(cast.admin.auth).send(campaignInput({ districtId: HOME, ...overrides }));
      expect(res.status, `${JSON.stringify(overrides)} → ${JSON.stringify(res.body)}`).to.equal(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).to.include(field);
    }
    const res = await api().post('/api/campaigns').set(cast.admin.auth).send(campaignInput()).expect(400);
    expect(res.body.error.details[0].field).to.equal('communityId');
    expect(await campaignCount()).to.equal(before);
  });
});

describe('campaigns: listing and reading', () => {
  let cast: Cast;
  let ids: { past: string; active: string; soon: string; later: string; away: string };
  before(async () => {
    cast = await createCast(HOME, AWAY);
    clock.set('2026-07-01T08:00:00+08:00');
    const at = (min: number) => new Date(clock.nowMs() + min * MIN).toISOString();
    const active = await post(cast.officer, { startsAt: at(10), endsAt: at(120), title: '正在进行' });
    const past = await post(cast.officer, { startsAt: at(10), endsAt: at(20), title: '已结束' });
    const soon = await post(cast.organizer, { startsAt: at(600), endsAt: at(700), title: '即将开始' });
    const later = await post(cast.organizer, { startsAt: at(900), endsAt: at(1000), title: '稍后开始' });
    const away = await post(cast.admin, { districtId: AWAY, startsAt: at(600), endsAt: at(700), title: '外区' });
    ids = { past: past.id, active: active.id, soon: soon.id, later: later.id, away: away.id };
  });
  // The campaigns above were posted at 08:00; the tests read them at 08:30.
  beforeEach(() => clock.set('2026-07-01T08:30:00+08:00'));

  const list = async (who: TestUser, query: string) => {
    const res = await api().get(`/api/campaigns${query}`).set(who.auth).expect(200);
    return res.body as { campaigns: (Campaign & { title: string })[]; nextCursor: string | null };
  };

  it('shows a volunteer what is on in their district by default: active and upcoming, soonest first', async () => {
    const { campaigns: found } = await list(cast.volunteer, '');
    expect(found.map((c) => c.id)).to.deep.equal([ids.active, ids.soon, ids.later]);
    expect(found.map((c) => c.status)).to.deep.equal(['active', 'upcoming', 'upcoming']);
  });

  it('filters by status, community and district', async () => {
    // other describes' campaigns of the district ended long before
    const ours = (found: { id: string }[]) => found.map((c) => c.id).filter((id) => Object.values(ids).includes(id));
    expect(ours((await list(cast.volunteer, '?status=past&districtId=10')).campaigns)).to.deep.equal([ids.past]);
    expect((await list(cast.volunteer, '?status=active')).campaigns.map((c) => c.id)).to.deep.equal([ids.active]);
    const community = await firstCommunity(HOME);
    expect((await list(cast.volunteer, `?communityId=${community.id}`)).campaigns.map((c) => c.id)).to.deep.equal([ids.soon, ids.later]);
    expect((await list(cast.officer, `?districtId=${AWAY}&status=upcoming`)).campaigns.map((c) => c.id)).to.deep.equal([ids.away]);
  });

  it('pages with a keyset cursor, without repeating or losing a campaign', async () => {
    const first = await list(cast.volunteer, '?status=upcoming,active&limit=2');
    expect(first.campaigns).to.have.length(2);
    const second = await list(cast.volunteer, `?status=upcoming,active&limit=2&cursor=${first.nextCursor}`);
    expect(second.nextCursor).to.equal(null);
    const all = [...first.campaigns, ...second.campaigns].map((c) => c.id);
    expect(all).to.deep.equal([ids.active, ids.soon, ids.later]);
    expect(new Set(all).size).to.equal(all.length);
  });

  it('answers 400 for a bad status, cursor or id, 404 for an unknown campaign, 401 signed out', async () => {
    await api().get('/api/campaigns?status=soon').set(cast.volunteer.auth).expect(400);
    await api().get('/api/campaigns?cursor=nonsense').set(cast.volunteer.auth).expect(400);
    await api().get('/api/campaigns?communityId=abc').set(cast.volunteer.auth).expect(400);
    await api().get('/api/campaigns/not-a-uuid').set(cast.volunteer.auth).expect(400);
    await api().get('/api/campaigns/00000000-0000-4000-8000-000000000000').set(cast.volunteer.auth).expect(404);
    await api().get('/api/campaigns').expect(401);
  });

  it('tells the caller whether they joined and checked in, with the joined count and capacity', async () => {
    await join(cast.volunteer, ids.active).expect(200);
    await checkIn(cast.volunteer, ids.active).expect(201);
    const mine = (await api().get(`/api/campaigns/${ids.active}`).set(cast.volunteer.auth).expect(200)).body.campaign;
    expect(mine).to.deep.include({ joinedCount: 1, capacity: null, hasJoined: true, hasCheckedIn: true, hasCheckedOut: false });
    const theirs = (await api().get(`/api/campaigns/${ids.active}`).set(cast.officer.auth).expect(200)).body.campaign;
    expect(theirs).to.deep.include({ joinedCount: 1, hasJoined: false, hasCheckedIn: false, mine: null });
    expect((await list(cast.volunteer, '?mine=true&status=active')).campaigns.map((c) => c.id)).to.deep.equal([ids.active]);
  });
});

describe('campaigns: joining and leaving', () => {
  let cast: Cast;
  beforeEach(async () => {
    clock.set('2026-08-01T08:00:00+08:00');
    cast ??= await createCast(HOME, AWAY);
  });

  it('is idempotent both ways and keeps the joined count exact', async () => {
    const c = await post(cast.officer);
    expect((await join(cast.volunteer, c.id).expect(200)).body.campaign).to.deep.include({ joinedCount: 1, hasJoined: true });
    expect((await join(cast.volunteer, c.id).expect(200)).body.campaign).to.deep.include({ joinedCount: 1, hasJoined: true });
    expect((await leave(cast.volunteer, c.id).expect(200)).body.campaign).to.deep.include({ joinedCount: 0, hasJoined: false });
    expect((await leave(cast.volunteer, c.id).expect(200)).body.campaign).to.deep.include({ joinedCount: 0, hasJoined: false });
  });

  it('answers 409 FULL at capacity, and lets a place freed by leaving be taken', async () => {
    const c = await post(cast.officer, { capacity: 1 });
    const other = await createUser({ role: 'volunteer', districtId: HOME });
    await join(cast.volunteer, c.id).expect(200);
    const full = await join(other, c.id).expect(409);
    expect(full.body.error.code).to.equal('FULL');
    await join(cast.volunteer, c.id).expect(200);
    await leave(cast.volunteer, c.id).expect(200);
    await join(other, c.id).expect(200);
  });

  it('answers 409 CAMPAIGN_ENDED to joining or leaving once it is over, and refuses leaving after check-in', async () => {
    const c = await post(cast.officer);
    await join(cast.volunteer, c.id).expect(200);
    clock.advance(60 * MIN);
    await checkIn(cast.volunteer, c.id).expect(201);
    expect((await leave(cast.volunteer, c.id).expect(409)).body.error.code).to.equal('ALREADY_CHECKED_IN');
    clock.advance(120 * MIN);
    const late = await createUser({ role: 'volunteer', districtId: HOME });
    expect((await join(late, c.id).expect(409)).body.error.code).to.equal('CAMPAIGN_ENDED');
    expect((await leave(cast.volunteer, c.id).expect(409)).body.error.code).to.equal('CAMPAIGN_ENDED');
  });

  it('is for volunteers only: staff get 403, strangers 401, an unknown campaign 404', async () => {
    const c = await post(cast.officer);
    for (const who of [cast.officer, cast.organizer, cast.auxiliary, cast.supervisor, cast.admin]) await join(who, c.id).expect(403);
    await api().post(`/api/campaigns/${c.id}/join`).expect(401);
    await join(cast.volunteer, '00000000-0000-4000-8000-000000000000').expect(404);
  });
});

describe('campaigns: check-in', () => {
  let cast: Cast;
  let volunteer: TestUser;
  beforeEach(async () => {
    clock.set('2026-09-01T08:00:00+08:00');
    cast ??= await createCast(HOME, AWAY);
    volunteer = await createUser({ role: 'volunteer', districtId: HOME });
  });

  it('opens 15 minutes before the start and closes at the end (422 OUT_OF_TIME outside)', async () => {
    const c = await post(cast.officer);
    await join(volunteer, c.id).expect(200);
    clock.advance(44 * MIN);
    const early = await checkIn(volunteer, c.id).expect(422);
    expect(early.body.error.code).to.equal('OUT_OF_TIME');
    clock.advance(MIN);
    const res = await checkIn(volunteer, c.id).expect(201);
    expect(res.body.attendance).to.include({ minutes: 0 });
    expect(res.body.distanceM).to.equal(0);

    const late = await createUser({ role: 'volunteer', districtId: HOME });
    await join(late, c.id).expect(200);
    clock.advance(135 * MIN + 1);
    expect((await checkIn(late, c.id).expect(422)).body.error.code).to.equal('OUT_OF_TIME');
  });

  it('accepts a point inside the radius widened by the accuracy, at most 100 m of slack; else 422 OUT_OF_AREA with the distance', async () => {
    const c = await post(cast.officer, { startsAt: new Date(clock.nowMs()).toISOString() });
    await join(volunteer, c.id).expect(200);
    const far = await checkIn(volunteer, c.id, north(1000), 20).expect(422);
    expect(far.body.error.code).to.equal('OUT_OF_AREA');
    expect(far.body.error.details.distanceM).to.be.within(995, 1005);
    // 200 m radius + 150 m accuracy counts only 100 m of slack: 320 m is out, 280 m is in
    expect((await checkIn(volunteer, c.id, north(320), 150).expect(422)).body.error.details.distanceM).to.be.within(315, 325);
    const inside = await checkIn(volunteer, c.id, north(280), 150).expect(201);
    expect(inside.body.distanceM).to.be.within(275, 285);
    const [row] = await db().select().from(campaignParticipants).where(and(eq(campaignParticipants.campaignId, c.id), eq(campaignParticipants.userId, volunteer.user.id)));
    expect(row.checkInDistanceM).to.be.within(275, 285);
    // a retry of a recorded check-in is answered with it, not recorded again
    expect((await checkIn(volunteer, c.id).expect(200)).body.attendance.checkedInAt).to.equal(inside.body.attendance.checkedInAt);
  });

  it('refuses accuracy worse than 200 m with 422 POOR_ACCURACY saying to step outside or wait for GPS', async () => {
    const c = await post(cast.officer, { startsAt: new Date(clock.nowMs()).toISOString() });
    await join(volunteer, c.id).expect(200);
    const res = await checkIn(volunteer, c.id, PLACE, 201).expect(422);
    expect(res.body.error.code).to.equal('POOR_ACCURACY');
    expect(res.body.error.message).to.match(/step outside or wait for GPS/);
    await checkIn(volunteer, c.id, PLACE, 200).expect(201);
  });

  it('refuses a check-in 50 km from the previous one five minutes earlier (422 IMPLAUSIBLE_MOVEMENT), not two hours later', async () => {
    const startsNow = { startsAt: new Date(clock.nowMs()).toISOString(), endsAt: new Date(clock.nowMs() + 300 * MIN).toISOString() };
    const here = await post(cast.officer, startsNow);
    const farPlace = north(50_000);
    const there = await post(cast.admin, { ...startsNow, districtId: HOME, ...farPlace });
    await join(volunteer, here.id).expect(200);
    await join(volunteer, there.id).expect(200);
    await checkIn(volunteer, here.id).expect(201);
    clock.advance(5 * MIN);
    const jump = await checkIn(volunteer, there.id, farPlace).expect(422);
    expect(jump.body.error.code).to.equal('IMPLAUSIBLE_MOVEMENT');
    expect(jump.body.error.details).to.include({ minutesSince: 5, maxSpeedKmh: 150 });
    expect(jump.body.error.details.distanceM).to.be.within(49_900, 50_100);
    clock.advance(115 * MIN);
    await checkIn(volunteer, there.id, farPlace).expect(201);
  });

  it('answers 409 NOT_JOINED before joining, 400 for a bad position, 403 for staff', async () => {
    const c = await post(cast.officer, { startsAt: new Date(clock.nowMs()).toISOString() });
    expect((await checkIn(volunteer, c.id).expect(409)).body.error.code).to.equal('NOT_JOINED');
    await join(volunteer, c.id).expect(200);
    for (const body of [{ lat: 91, lng: 112, accuracyM: 10 }, { lat: 26, lng: 112 }, { lat: 26, lng: 112, accuracyM: -1 }, { lat: '26', lng: 112, accuracyM: 5 }])
      await api().post(`/api/campaigns/${c.id}/check-in`).set(volunteer.auth).send(body).expect(400);
    await checkIn(cast.officer, c.id).expect(403);
  });
});

describe('campaigns: check-out and points', () => {
  let cast: Cast;
  let volunteer: TestUser;
  beforeEach(async () => {
    clock.set('2026-10-01T08:00:00+08:00');
    cast ??= await createCast(HOME, AWAY);
    volunteer = await createUser({ role: 'volunteer', districtId: HOME });
  });

  const startingNow = (overrides: Record<string, unknown> = {}) => post(cast.officer, { startsAt: new Date(clock.nowMs()).toISOString(), ...overrides });

  it('answers {minutes} and awards the points once after 30 minutes; a second check-out is 409', async () => {
    const c = await startingNow({ points: 15, title: '禁毒宣传' });
    await join(volunteer, c.id).expect(200);
    expect((await checkOut(volunteer, c.id).expect(409)).body.error.code).to.equal('NOT_CHECKED_IN');
    await checkIn(volunteer, c.id).expect(201);
    clock.advance(30 * MIN);
    const res = await checkOut(volunteer, c.id).expect(200);
    expect(res.body).to.include({ minutes: 30, pointsAwarded: 15 });
    expect((await checkOut(volunteer, c.id).expect(409)).body.error.code).to.equal('ALREADY_CHECKED_OUT');
    expect((await checkIn(volunteer, c.id).expect(409)).body.error.code).to.equal('ALREADY_CHECKED_OUT');

    expect(await balanceOf(volunteer)).to.equal(15);
    const ledger = await ledgerOf(volunteer.user.id);
    expect(ledger).to.have.length(1);
    expect(ledger[0]).to.include({ reason: 'campaign', delta: 15, campaignId: c.id });
    const points = await api().get('/api/me/points').set(volunteer.auth).expect(200);
    expect(points.body.entries[0]).to.deep.include({ reason: 'campaign', delta: 15, campaign: { id: c.id, title: '禁毒宣传' } });
    const board = await api().get(`/api/leaderboards/volunteers?period=all&districtId=${HOME}`).set(volunteer.auth).expect(200);
    expect(board.body.me).to.include({ points: 15 });
    const detail = (await api().get(`/api/campaigns/${c.id}`).set(volunteer.auth).expect(200)).body.campaign;
    expect(detail).to.deep.include({ hasCheckedOut: true });
    expect(detail.mine).to.include({ minutes: 30, pointsAwarded: 15 });
  });

  it('awards nothing under 30 minutes, and counts minutes only inside the campaign’s window', async () => {
    const short = await startingNow();
    await join(volunteer, short.id).expect(200);
    await checkIn(volunteer, short.id).expect(201);
    clock.advance(29 * MIN + 59_000);
    expect((await checkOut(volunteer, short.id).expect(200)).body).to.include({ minutes: 29, pointsAwarded: 0 });

    // checked in 15 minutes early, checked out long after the end: start to end, 20 minutes
    const brief = await post(cast.officer, {
      startsAt: new Date(clock.nowMs() + 15 * MIN).toISOString(),
      endsAt: new Date(clock.nowMs() + 35 * MIN).toISOString(),
    });
    await join(volunteer, brief.id).expect(200);
    await checkIn(volunteer, brief.id).expect(201);
    clock.advance(3 * 60 * MIN);
    expect((await checkOut(volunteer, brief.id).expect(200)).body).to.include({ minutes: 20, pointsAwarded: 0 });
    expect(await balanceOf(volunteer)).to.equal(0);
  });

  it('keeps to the daily cap', async () => {
    const earlier = await startingNow({ points: 0 });
    await award({ userId: volunteer.user.id, reason: 'campaign', delta: 90, campaignId: earlier.id });
    const c = await startingNow({ points: 50 });
    await join(volunteer, c.id).expect(200);
    await checkIn(volunteer, c.id).expect(201);
    clock.advance(45 * MIN);
    expect((await checkOut(volunteer, c.id).expect(200)).body).to.include({ minutes: 45, pointsAwarded: 10 });
    expect(await balanceOf(volunteer)).to.equal(100);
  });
});

describe('campaigns: attendance', () => {
  let cast: Cast;
  let c: Campaign;
  before(async () => {
    cast = await createCast(HOME, AWAY);
    clock.set('2026-11-01T08:00:00+08:00');
    c = await post(cast.organizer, { startsAt: new Date(clock.nowMs()).toISOString(), points: 5 });
    const [a, b] = [cast.volunteer, await createUser({ role: 'volunteer', districtId: HOME, displayName: '张三,"老张"' })];
    await join(a, c.id).expect(200);
    clock.advance(MIN);
    await join(b, c.id).expect(200);
    await checkIn(a, c.id).expect(201);
    clock.advance(40 * MIN);
    await checkOut(a, c.id).expect(200);
  });
  beforeEach(() => clock.set('2026-11-01T09:00:00+08:00'));

  it('shows its creator, the police of its district and admins who joined, checked in, minutes and points', async () => {
    for (const who of [cast.organizer, cast.officer, cast.supervisor, cast.admin]) {
      const res = await api().get(`/api/campaigns/${c.id}/attendance`).set(who.auth).expect(200);
      expect(res.body.totals).to.deep.equal({ joined: 2, checkedIn: 1, checkedOut: 1, pointsAwarded: 5 });
      const [first, second] = res.body.attendance;
      expect(first).to.deep.include({ minutes: 40, pointsAwarded: 5 });
      expect(first.volunteer.displayName).to.equal(cast.volunteer.user.displayName);
      expect(second).to.deep.include({ checkedInAt: null, minutes: 0, pointsAwarded: 0 });
      expect(JSON.stringify(res.body)).not.to.include(cast.volunteer.phone);
    }
  });

  it('refuses volunteers, auxiliary police, other districts’ police and other organizers (403), strangers (401)', async () => {
    const otherOrganizer = await createUser({ role: 'organizer', districtId: AWAY });
    for (const who of [cast.volunteer, cast.auxiliary, cast.otherOfficer, otherOrganizer]) {
      await api().get(`/api/campaigns/${c.id}/attendance`).set(who.auth).expect(403);
      await api().get(`/api/campaigns/${c.id}/attendance.csv`).set(who.auth).expect(403);
    }
    await api().get(`/api/campaigns/${c.id}/attendance`).expect(401);
  });

  it('exports CSV: UTF-8 with BOM, a header, one quoted row per participant', async () => {
    const res = await api().get(`/api/campaigns/${c.id}/attendance.csv`).set(cast.officer.auth).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (b: Buffer) => chunks.push(b));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(res.headers['content-type']).to.match(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).to.include('attachment');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const text = body.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n'), 'CRLF line ends, as spreadsheets expect').to.equal(true);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).to.equal('volunteer,community,joined_at,checked_in_at,checked_out_at,minutes,points,check_in_distance_m');
    expect(lines).to.have.length(3);
    expect(lines[1]).to.match(/,40,5,0$/);
    expect(lines[2].startsWith('"张三,""老张"""')).to.equal(true);
  });
});

describe('campaigns: concurrency', () => {
  let server: { url: string; close: () => Promise<void> };
  let cast: Cast;
  before(async () => {
    cast = await createCast(HOME, AWAY);
    server = await listen(harness().app);
  });
  after(() => server.close());
  beforeEach(() => clock.set('2026-12-01T08:00:00+08:00'));

  it('never lets 20 simultaneous joins exceed 5 places', async () => {
    const c = await post(cast.officer, { capacity: 5 });
    const volunteers = await Promise.all(Array.from({ length: 20 }, () => createUser({ role: 'volunteer', districtId: HOME })));
    const results = await Promise.all(volunteers.map((v) => supertest(server.url).post(`/api/campaigns/${c.id}/join`).set(v.auth).send({})));
    expect(results.filter((r) => r.status === 200)).to.have.length(5);
    expect(results.filter((r) => r.status === 409 && r.body.error.code === 'FULL')).to.have.length(15);
    const [row] = await db().select().from(campaigns).where(eq(campaigns.id, c.id));
    expect(row.joinedCount).to.equal(5);
    const [{ n }] = await db().select({ n: sql<number>`count(*)::int` }).from(campaignParticipants).where(eq(campaignParticipants.campaignId, c.id));
    expect(n).to.equal(5);
  });

  it('awards once when the same volunteer checks out from several tabs at once', async () => {
    const c = await post(cast.officer, { startsAt: new Date(clock.nowMs()).toISOString(), points: 30 });
    const volunteer = await createUser({ role: 'volunteer', districtId: HOME });
    await join(volunteer, c.id).expect(200);
    await checkIn(volunteer, c.id).expect(201);
    clock.advance(60 * MIN);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => supertest(server.url).post(`/api/campaigns/${c.id}/check-out`).set(volunteer.auth).send({ ...PLACE, accuracyM: 10 })),
    );
    expect(results.map((r) => r.status).sort()).to.deep.equal([200, 409, 409, 409, 409, 409]);
    const awards = await db().select().from(pointsLedger).where(and(eq(pointsLedger.userId, volunteer.user.id), eq(pointsLedger.campaignId, c.id)));
    expect(awards).to.have.length(1);
    expect(await balanceOf(volunteer)).to.equal(30);
  });
});

describe('campaigns: demo seed', () => {
  it('posts one active, one upcoming and one past campaign in the demo volunteer’s community, once', async () => {
    clock.set('2027-01-10T08:00:00+08:00');
    const community = await firstCommunity(AWAY);
    const volunteer = await createUser({ role: 'volunteer', districtId: AWAY, communityId: community.id });
    const organizer = await createUser({ role: 'organizer', districtId: AWAY, communityId: community.id });
    await seedDemoCampaigns(db(), volunteer.phone, organizer.phone);
    await seedDemoCampaigns(db(), volunteer.phone, organizer.phone);
    const res = await api().get(`/api/campaigns?communityId=${community.id}&status=upcoming,active,past`).set(volunteer.auth).expect(200);
    const seeded = res.body.campaigns.filter((c: { createdBy: { displayName: string } }) => c.createdBy.displayName === organizer.user.displayName);
    expect(seeded.map((c: { status: string }) => c.status).sort()).to.deep.equal(['active', 'past', 'upcoming']);
    const active = seeded.find((c: { status: string }) => c.status === 'active');
    await join(volunteer, active.id).expect(200);
    await checkIn(volunteer, active.id, { lat: active.place.lat, lng: active.place.lng }).expect(201);
  });
});
