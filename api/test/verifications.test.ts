import { expect } from 'chai';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { communities, tips, users, verificationPhotos, verifications } from '../src/db/schema/index';
import { loadConfig } from '../src/config';
import { clock } from '../src/lib/clock';
import { setVerifyDueHours } from '../src/modules/verifications/requesting';
import { seedDemoVerification } from '../src/modules/verifications/demo-verification';
import { api, db, resetDb } from './support/harness';
import { createTip, createUser, firstCommunity, type TestUser } from './support/factories';
import { EXIF_MARKER, GPS_MARKER, jpegWithGps, png } from './support/images';
import { auditOf, tipIn } from './support/police';
import { uploadedFiles } from './support/uploads';

const HOUR = 3_600_000;
const T0 = new Date('2026-06-01T02:00:00Z');

/** A community of the district other than the first (the factories' default), without staff. */
async function otherCommunity(districtId: number, skip = 1) {
  const [c] = await db()
    .select()
    .from(communities)
    .where(eq(communities.districtId, districtId))
    .orderBy(asc(communities.code))
    .offset(skip)
    .limit(1);
  return c;
}

type Place = { officer: TestUser; supervisor: TestUser; auxiliary: TestUser; volunteer: TestUser; communityId: number };

/** A community of district 1 with its auxiliary, a member volunteer and the district's police. */
async function place(skip: number): Promise<Place> {
  const community = await otherCommunity(1, skip);
  const [officer, supervisor, auxiliary, volunteer] = await Promise.all([
    createUser({ role: 'officer', districtId: 1 }),
    createUser({ role: 'supervisor', districtId: 1 }),
    createUser({ role: 'auxiliary', communityId: community.id }),
    createUser({ role: 'volunteer', communityId: community.id }),
  ]);
  return { officer, supervisor, auxiliary, volunteer, communityId: community.id };
}

const request = (p: Place, tipId: string, body: object = { note: '请到现场核实' }) =>
  api().post(`/api/tips/${tipId}/verification`).set(p.officer.auth).send(body);

const report = (aux: TestUser, id: string, body: object = { finding: 'confirmed', note: '现场确有此事' }) =>
  api().post(`/api/verifications/${id}/report`).set(aux.auth).send(body);

function reportWithPhotos(aux: TestUser, id: string, photos: Buffer[], fields = { finding: 'confirmed', note: '现场拍照' }) {
  const req = api().post(`/api/verifications/${id}/report`).set(aux.auth);
  for (const [k, v] of Object.entries(fields)) req.field(k, v);
  for (const [i, p] of photos.entries()) req.attach('photos', p, { filename: `p${i}.jpg`, contentType: 'image/jpeg' });
  return req;
}

/** A tip with one photo (EXIF and GPS inside), by the place's volunteer, over HTTP. */
async function tipWithPhoto(p: Place) {
  const res = await api()
    .post('/api/tips')
    .set(p.volunteer.auth)
    .field('category', 'public_order')
    .field('description', '菜市场后巷夜里有人聚集喝酒闹事')
    .field('occurredAt', new Date(clock.nowMs() - HOUR).toISOString())
    .field('lat', '26.8931')
    .field('lng', '112.5712')
    .field('address', '雁峰区菜市场后巷')
    .field('districtId', '1')
    .attach('photos', await jpegWithGps(), { filename: 'scene.jpg', contentType: 'image/jpeg' })
    .expect(201);
  return res.body.tip as { id: string; reference: string; media: { id: string }[] };
}

describe('verification: police request an on-site check', () => {
  let p: Place;
  before(async () => {
    await resetDb();
    p = await place(1);
  });

  it("makes a task for the auxiliary of the tip's community, due in 24 hours by the clock", async () => {
    clock.set(T0);
    const { tip } = await createTip(p.volunteer);
    const res = await request(p, tip.id, { note: '请到现场看看' }).expect(201);
    const v = res.body.verification;
    expect(v).to.include({ status: 'open', state: 'pending', note: '请到现场看看', tipId: tip.id });
    expect(v.dueAt).to.equal(new Date(T0.getTime() + 24 * HOUR).toISOString());
    expect(v.community.id).to.equal(p.communityId);
    expect(v.assignedTo).to.deep.equal({ id: p.auxiliary.user.id, displayName: p.auxiliary.user.displayName });
    expect(v.requestedBy.id).to.equal(p.officer.user.id);
    const [row] = await db().select().from(tips).where(eq(tips.id, tip.id));
    expect(row.verificationStatus).to.equal('open');
    expect(row.verificationDueAt!.toISOString()).to.equal(v.dueAt);
  });

  it('takes the due time from VERIFY_DUE_HOURS', async () => {
    expect(loadConfig({ VERIFY_DUE_HOURS: '48', DATA_DIR: '/tmp/hy-verify-config' }).verifyDueHours).to.equal(48);
    expect(loadConfig({ DATA_DIR: '/tmp/hy-verify-config' }).verifyDueHours).to.equal(24);
    expect(() => loadConfig({ VERIFY_DUE_HOURS: '0', DATA_DIR: '/tmp/hy-verify-config' })).to.throw(/VERIFY_DUE_HOURS/);
    clock.set(T0);
    setVerifyDueHours(6);
    try {
      const { tip } = await createTip(p.volunteer);
      const res = await request(p, tip.id).expect(201);
      expect(res.body.verification.dueAt).to.equal(new Date(T0.getTime() + 6 * HOUR).toISOString());
    } finally {
      setVerifyDueHours(24);
    }
  });

  it('records a police-only history entry and an audit record', async () => {
    const { tip } = await createTip(p.volunteer);
    const v = (await request(p, tip.id, { note: '核实液化气罐' }).expect(201)).body.verification;
    const view = (await api().get(`/api/tips/${tip.id}`).set(p.officer.auth).expect(200)).body.tip;
    const entry = view.history.find((h: { kind: string }) => h.kind === 'verification');
    expect(entry).to.include({ note: '核实液化气罐', isVisibleToReporter: false, by: 'police' });
    expect(entry.verification).to.include({ id: v.id, event: 'requested', communityId: p.communityId, dueAt: v.dueAt });
    expect(view.verification).to.deep.equal({ state: 'pending', dueAt: v.dueAt });
    const [a] = await auditOf('tip', tip.id);
    expect(a).to.include({ action: 'verification.request', actorId: p.officer.user.id, districtId: 1 });
    expect(a.details).to.include({ verificationId: v.id, communityId: p.communityId, assignedToId: p.auxiliary.user.id });
    const mine = (await api().get('/api/tips/mine').set(p.volunteer.auth).expect(200)).body.tips.find((t: { id: string }) => t.id === tip.id);
    expect(mine.history.map((h: { kind: string }) => h.kind)).not.to.include('verification');
    expect(JSON.stringify(mine)).not.to.match(/verification/i);
  });

  it('keeps one open task per tip (409 VERIFICATION_OPEN) and allows another once reported', async () => {
    const { tip } = await createTip(p.volunteer);
    const v = (await request(p, tip.id).expect(201)).body.verification;
    const again = await api().post(`/api/tips/${tip.id}/verification`).set(p.supervisor.auth).send({ note: '再看一次' }).expect(409);
    expect(again.body.error.code).to.equal('VERIFICATION_OPEN');
    await report(p.auxiliary, v.id).expect(201);
    await request(p, tip.id, { note: '再核实一次' }).expect(201);
  });

  it('answers 409 NO_AUXILIARY when the community has no (active) auxiliary', async () => {
    const lonely = await otherCommunity(1, 9);
    const reporter = await createUser({ role: 'volunteer', communityId: lonely.id });
    const { tip } = await createTip(reporter);
    const res = await request(p, tip.id).expect(409);
    expect(res.body.error.code).to.equal('NO_AUXILIARY');
    const disabled = await createUser({ role: 'auxiliary', communityId: lonely.id });
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.user.id));
    expect((await request(p, tip.id).expect(409)).body.error.code).to.equal('NO_AUXILIARY');
    expect(await db().select().from(verifications).where(eq(verifications.tipId, tip.id))).to.have.length(0);
  });

  it('sends the task to another community of the district when one is named', async () => {
    const other = await place(2);
    const { tip } = await createTip(p.volunteer);
    const v = (await request(p, tip.id, { note: '事发地在隔壁社区', communityId: other.communityId }).expect(201)).body.verification;
    expect(v.assignedTo.id).to.equal(other.auxiliary.user.id);
    const list = (await api().get('/api/verifications/mine').set(other.auxiliary.auth).expect(200)).body.verifications;
    expect(list.map((x: { id: string }) => x.id)).to.include(v.id);
  });

  it("refuses a community outside the tip's district, and a tip without one unless it is named", async () => {
    const { tip } = await createTip(p.volunteer);
    const elsewhere = await firstCommunity(11);
    const res = await request(p, tip.id, { note: '看看', communityId: elsewhere.id }).expect(400);
    expect(res.body.error.details[0].field).to.equal('communityId');
    const anonymous = await tipIn(1, { reporter: null });
    const bare = await request(p, anonymous.id).expect(400);
    expect(bare.body.error.details[0]).to.include({ field: 'communityId' });
    await request(p, anonymous.id, { note: '匿名举报，请核实', communityId: p.communityId }).expect(201);
  });

  it('refuses bad input by field', async () => {
    const { tip } = await createTip(p.volunteer);
    const res = await request(p, tip.id, { note: '   ', communityId: 'abc', extra: 1 }).expect(400);
    const fields = res.body.error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).to.deep.equal(['communityId', 'extra', 'note']);
    await api().post('/api/tips/not-a-uuid/verification').set(p.officer.auth).send({ note: 'x' }).expect(400);
    await api().post('/api/tips/00000000-0000-4000-8000-000000000000/verification').set(p.officer.auth).send({ note: 'x' }).expect(404);
  });
});

describe('verification: the auxiliary police officer’s tasks', () => {
  let p: Place;
  let neighbour: Place;
  before(async () => {
    await resetDb();
    p = await place(1);
    neighbour = await place(2);
  });

  it('lists open tasks with what, where, photos and due time, and nothing that leads to the reporter', async () => {
    const tip = await tipWithPhoto(p);
    const v = (await request(p, tip.id, { note: '请核实聚集情况' }).expect(201)).body.verification;
    const res = await api().get('/api/verifications/mine?status=open').set(p.auxiliary.auth).expect(200);
    const task = res.body.verifications.find((x: { id: string }) => x.id === v.id);
    expect(task).to.include({ status: 'open', state: 'pending', isOverdue: false, note: '请核实聚集情况', dueAt: v.dueAt });
    expect(task.tip).to.include({ category: 'public_order', description: '菜市场后巷夜里有人聚集喝酒闹事', lat: 26.8931, lng: 112.5712, address: '雁峰区菜市场后巷' });
    expect(task.tip.photos).to.have.length(1);
    expect(task.report).to.equal(null);
    const text = JSON.stringify(res.body);
    for (const secret of [p.volunteer.user.id, p.volunteer.phone, p.volunteer.user.displayName, tip.id, tip.reference, p.officer.user.id])
      expect(text).not.to.include(secret);
    expect(Object.keys(task.tip)).to.have.members(['category', 'description', 'occurredAt', 'lat', 'lng', 'address', 'photos']);

    const photo = await api().get(task.tip.photos[0].url).set(p.auxiliary.auth).expect(200);
    expect(photo.headers['content-type']).to.equal('image/jpeg');
    expect((await sharp(photo.body).metadata()).exif).to.equal(undefined);
    await api().get(task.tip.photos[0].url).set(neighbour.auxiliary.auth).expect(404);
    await api().get(task.tip.photos[0].url).set(p.officer.auth).expect(403);
    await api().get(`/api/verifications/${v.id}/tip-photos/${tip.media[0].id.replace(/.$/, '0')}`).set(p.auxiliary.auth).expect(404);
  });

  it("hides another community's tasks (404) and shows only one's own", async () => {
    const { tip } = await createTip(p.volunteer);
    const v = (await request(p, tip.id).expect(201)).body.verification;
    const theirs = (await api().get('/api/verifications/mine').set(neighbour.auxiliary.auth).expect(200)).body.verifications;
    expect(theirs.map((x: { id: string }) => x.id)).not.to.include(v.id);
    await api().get(`/api/verifications/${v.id}`).set(neighbour.auxiliary.auth).expect(404);
    const refused = await report(neighbour.auxiliary, v.id).expect(404);
    expect(refused.body.error.code).to.equal('NOT_FOUND');
    expect((await api().get(`/api/verifications/${v.id}`).set(p.auxiliary.auth).expect(200)).body.verification.id).to.equal(v.id);
  });

  it('never reaches the queue, the tip or the reporter', async () => {
    const { tip } = await createTip(p.volunteer);
    await request(p, tip.id).expect(201);
    await api().get('/api/queue').set(p.auxiliary.auth).expect(403);
    await api().get(`/api/tips/${tip.id}`).set(p.auxiliary.auth).expect(404);
    await api().get(`/api/tips/${tip.id}/verifications`).set(p.auxiliary.auth).expect(403);
    await api().get(`/api/tips/${tip.id}/reporter-record`).set(p.auxiliary.auth).expect(403);
  });

  it('marks tasks past their due time overdue and pages by due time', async () => {
    clock.set(T0);
    const fresh = await place(3);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { tip } = await createTip(fresh.volunteer);
      ids.push((await request(fresh, tip.id).expect(201)).body.verification.id);
      clock.advance(HOUR);
    }
    clock.set(T0.getTime() + 24.5 * HOUR);
    const first = (await api().get('/api/verifications/mine?limit=2').set(fresh.auxiliary.auth).expect(200)).body;
    expect(first.verifications.map((x: { id: string }) => x.id)).to.deep.equal(ids.slice(0, 2));
    expect(first.verifications.map((x: { state: string }) => x.state)).to.deep.equal(['overdue', 'pending']);
    const second = (await api().get(`/api/verifications/mine?limit=2&cursor=${first.nextCursor}`).set(fresh.auxiliary.auth).expect(200)).body;
    expect(second.verifications.map((x: { id: string }) => x.id)).to.deep.equal(ids.slice(2));
    expect(second.nextCursor).to.equal(null);
    await api().get('/api/verifications/mine?status=closed').set(fresh.auxiliary.auth).expect(400);
    await api().get('/api/verifications/mine?cursor=junk').set(fresh.auxiliary.auth).expect(400);
  });
});

describe('verification: the auxiliary reports a finding', () => {
  let p: Place;
  before(async () => {
    await resetDb();
    p = await place(1);
  });

  it('takes a JSON report (201), once: a second report is 409 ALREADY_REPORTED', async () => {
    clock.set(T0);
    const { tip } = await createTip(p.volunteer);
    const v = (await request(p, tip.id).expect(201)).body.verification;
    clock.advance(2 * HOUR);
    const res = await report(p.auxiliary, v.id, { finding: 'not_found', note: '现场没有发现' }).expect(201);
    expect(res.body.verification).to.include({ status: 'reported', state: 'reported' });
    expect(res.body.verification.report).to.include({ finding: 'not_found', note: '现场没有发现', reportedAt: new Date(T0.getTime() + 2 * HOUR).toISOString() });
    const again = await report(p.auxiliary, v.id, { finding: 'confirmed', note: '改主意了' }).expect(409);
    expect(again.body.error.code).to.equal('ALREADY_REPORTED');
    const [row] = await db().select().from(verifications).where(eq(verifications.id, v.id));
    expect(row).to.include({ finding: 'not_found', reportedById: p.auxiliary.user.id });
    const [a] = (await auditOf('tip', tip.id)).filter((x) => x.action === 'verification.report');
    expect(a).to.include({ actorId: p.auxiliary.user.id, actorRole: 'auxiliary', districtId: 1 });
    expect(a.details).to.include({ verificationId: v.id, finding: 'not_found', photos: 0, isLate: false });
  });

  it('takes up to 3 photos, re-encoded without EXIF or GPS, and shows them to police only', async () => {
    const { tip } = await createTip(p.volunteer);
    const v = (await request(p, tip.id).expect(201)).body.verification;
    const res = await reportWithPhotos(p.auxiliary, v.id, [await jpegWithGps(), await png()]).expect(201);
    const photos = res.body.verification.report.photos;
    expect(photos).to.have.length(2);
    const rows = await db().select().from(verificationPhotos).where(eq(verificationPhotos.verificationId, v.id));
    expect(rows.map((r) => r.mimeType)).to.deep.equal(['image/jpeg', 'image/jpeg']);

    const served = await api().get(photos[0].url).set(p.officer.auth).expect(200);
    expect(served.headers['content-type']).to.equal('image/jpeg');
    const bytes = served.body as Buffer;
    expect(bytes.includes(Buffer.from(GPS_MARKER))).to.equal(false);
    expect(bytes.includes(Buffer.from(EXIF_MARKER))).to.equal(false);
    expect((await sharp(bytes).metadata()).exif).to.equal(undefined);
    await api().get(photos[0].url).set(p.auxiliary.auth).expect(200);
    await api().get(photos[0].url).set(p.volunteer.auth).expect(403);
    const elsewhere = await createUser({ role: 'officer', districtId: 11 });
    await api().get(photos[0].url).set(elsewhere.auth).expect(404);

    // the police view: history entry with the finding and the photos, and the verification itself
    const view = (await api().get(`/api/tips/${tip.id}`).set(p.officer.auth).expect(200)).body.tip;
    const entry = view.history.find((h: { verification: { event: string } | null }) => h.verification?.event === 'reported');
    expect(entry).to.include({ kind: 'verification', by: 'auxiliary', note: '现场拍照', isVisibleToReporter: false });
    expect(entry.verification).to.include({ id: v.id, finding: 'confirmed' });
    expect(entry.verification.photos.map((x: { url: string }) => x.url)).to.deep.equal(photos.map((x: { url: string }) => x.url));
    expect(view.verification.state).to.equal('reported');
    const list = (await api().get(`/api/tips/${tip.id}/verifications`).set(p.officer.auth).expect(200)).body.verifications;
    expect(list[0]).to.include({ id: v.id, finding: 'confirmed', reportNote: '现场拍照', state: 'reported' });
    expect(list[0].reportedBy.id).to.equal(p.auxiliary.user.id);
    expect(list[0].photos).to.have.length(2);

    // …and never in the reporter's view
    const own = (await api().get(`/api/tips/${tip.id}`).set(p.volunteer.auth).expect(200)).body.tip;
    const mine = (await api().get('/api/tips/mine').set(p.volunteer.auth).expect(200)).body.tips.find((t: { id: string }) => t.id === tip.id);
    for (const body of [own, mine]) {
      expect(JSON.stringify(body)).not.to.match(/verification|现场拍照|confirmed/);
    }
  });

  it('never shows the finding to an anonymous tipster tracking the tip', async () => {
    const anonymous = await createTip(null, { districtId: 1 });
    const v = (await request(p, anonymous.tip.id, { note: '匿名举报核实', communityId: p.communityId }).expect(201)).body.verification;
    await report(p.auxiliary, v.id, { finding: 'confirmed', note: '匿名举报属实' }).expect(201);
    const tracked = await api().post('/api/tips/track').send({ reference: anonymous.tip.reference, accessCode: anonymous.accessCode }).expect(200);
    expect(JSON.stringify(tracked.body)).not.to.match(/verification|匿名举报属实|匿名举报核实|confirmed/);
  });

  it('refuses a fourth photo (413), a bad finding and an empty note (400), leaving no file behind', async () => {
    const { tip } = await createTip(p.volunteer);
    const v = (await request(p, tip.id).expect(201)).body.verification;
    const before = uploadedFiles().length;
    const photo = await png();
    const tooMany = await reportWithPhotos(p.auxiliary, v.id, [photo, photo, photo, photo]).expect(413);
    expect(tooMany.body.error.code).to.equal('PAYLOAD_TOO_LARGE');
    const bad = await reportWithPhotos(p.auxiliary, v.id, [photo], { finding: 'maybe', note: ' ' }).expect(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).to.deep.equal(['finding', 'note']);
    const fake = await api()
      .post(`/api/verifications/${v.id}/report`)
      .set(p.auxiliary.auth)
      .field('finding', 'confirmed')
      .field('note', '照片')
      .attach('photos', Buffer.from('not an image at all '.repeat(10)), { filename: 'x.jpg', contentType: 'image/jpeg' })
      .expect(415);
    expect(fake.body.error.code).to.equal('UNSUPPORTED_MEDIA');
    expect(uploadedFiles().length).to.equal(before);
    await api().post(`/api/verifications/${v.id}/report`).set(p.auxiliary.auth).set('Content-Type', 'text/plain').send('x').expect(415);
    const [row] = await db().select().from(verifications).where(eq(verifications.id, v.id));
    expect(row.status).to.equal('open');
  });

  it('removes the photos of a report that lost the race (409)', async () => {
    const { tip } = await createTip(p.volunteer);
    const v = (await request(p, tip.id).expect(201)).body.verification;
    await report(p.auxiliary, v.id).expect(201);
    const before = uploadedFiles().length;
    await reportWithPhotos(p.auxiliary, v.id, [await png()]).expect(409);
    expect(uploadedFiles().length).to.equal(before);
  });
});

describe('verification: concurrency', () => {
  let p: Place;
  before(async () => {
    await resetDb();
    p = await place(1);
  });

  it('takes one of two simultaneous reports (201) and refuses the other (409)', async () => {
    for (let round = 0; round < 3; round++) {
      const { tip } = await createTip(p.volunteer);
      const v = (await request(p, tip.id).expect(201)).body.verification;
      const photo = await png();
      const results = await Promise.all([
        reportWithPhotos(p.auxiliary, v.id, [photo], { finding: 'confirmed', note: '甲' }),
        reportWithPhotos(p.auxiliary, v.id, [photo], { finding: 'unclear', note: '乙' }),
      ]);
      expect(results.map((r) => r.status).sort()).to.deep.equal([201, 409]);
      expect(results.find((r) => r.status === 409)!.body.error.code).to.equal('ALREADY_REPORTED');
      const photos = await db().select().from(verificationPhotos).where(eq(verificationPhotos.verificationId, v.id));
      expect(photos).to.have.length(1);
      const entries = await db().execute(sql`SELECT count(*)::int AS n FROM tip_history WHERE tip_id = ${tip.id} AND kind = 'verification'`);
      expect(Number(entries.rows[0].n)).to.equal(2);
    }
  });

  it('makes one task of two simultaneous requests', async () => {
    const { tip } = await createTip(p.volunteer);
    const results = await Promise.all([request(p, tip.id), api().post(`/api/tips/${tip.id}/verification`).set(p.supervisor.auth).send({ note: '同时' })]);
    expect(results.map((r) => r.status).sort()).to.deep.equal([201, 409]);
    expect(await db().select().from(verifications).where(eq(verifications.tipId, tip.id))).to.have.length(1);
  });
});

describe('verification: the queue', () => {
  let p: Place;
  const ids: Record<string, string> = {};
  before(async () => {
    await resetDb();
    p = await place(1);
    clock.set(T0);
    for (const name of ['pending', 'overdue', 'reported', 'none']) ids[name] = (await createTip(p.volunteer)).tip.id;
    const overdue = (await request(p, ids.overdue).expect(201)).body.verification;
    const reported = (await request(p, ids.reported).expect(201)).body.verification;
    await report(p.auxiliary, reported.id).expect(201);
    clock.set(T0.getTime() + 12 * HOUR);
    await request(p, ids.pending).expect(201);
    expect(overdue.dueAt).to.equal(new Date(T0.getTime() + 24 * HOUR).toISOString());
  });

  const queue = (query: string) => api().get(`/api/queue?limit=100${query}`).set(p.officer.auth);

  it('carries each item’s verification state and due time', async () => {
    clock.set(T0.getTime() + 25 * HOUR);
    const items = (await queue('').expect(200)).body.tips as { id: string; verification: { state: string; dueAt: string } | null }[];
    const byId = new Map(items.map((t) => [t.id, t.verification]));
    expect(byId.get(ids.none)).to.equal(null);
    expect(byId.get(ids.overdue)).to.deep.equal({ state: 'overdue', dueAt: new Date(T0.getTime() + 24 * HOUR).toISOString() });
    expect(byId.get(ids.pending)).to.deep.equal({ state: 'pending', dueAt: new Date(T0.getTime() + 36 * HOUR).toISOString() });
    expect(byId.get(ids.reported)!.state).to.equal('reported');
  });

  it('filters on pending, overdue and reported by the clock', async () => {
    const only = async (state: string) => ((await queue(`&verification=${state}`).expect(200)).body.tips as { id: string }[]).map((t) => t.id);
    clock.set(T0.getTime() + 13 * HOUR);
    expect(await only('pending')).to.have.members([ids.pending, ids.overdue]);
    expect(await only('overdue')).to.deep.equal([]);
    expect(await only('reported')).to.deep.equal([ids.reported]);
    clock.set(T0.getTime() + 24 * HOUR);
    expect(await only('pending')).to.deep.equal([ids.pending]);
    expect(await only('overdue')).to.deep.equal([ids.overdue]);
    const counted = (await queue('&verification=overdue').expect(200)).body.counts;
    expect(counted.submitted).to.equal(1);
    const bad = await queue('&verification=late').expect(400);
    expect(bad.body.error.details[0].field).to.equal('verification');
  });

  it('walks the partial index for the filter, not the district', async () => {
    await db().execute(sql`ANALYZE tips`);
    await db().execute(sql`SET enable_seqscan = off`);
    try {
      const plan = await db().execute(
        sql`EXPLAIN SELECT id FROM tips WHERE district_id = 1 AND status = 'submitted' AND verification_status = 'open' AND verification_due_at > now()
            ORDER BY priority_rank DESC NULLS LAST, created_at, id LIMIT 26`,
      );
      expect(JSON.stringify(plan.rows)).to.include('tips_queue_verification_idx');
    } finally {
      await db().execute(sql`RESET enable_seqscan`);
    }
  });
});

describe('verification: demo data', () => {
  before(async () => {
    await resetDb();
  });

  it('gives the demo auxiliary one open task, once', async () => {
    const p = await place(1);
    const phones = { volunteer: p.volunteer.phone, officer: p.officer.phone, auxiliary: p.auxiliary.phone };
    await seedDemoVerification(db(), phones);
    await seedDemoVerification(db(), phones);
    const tasks = (await api().get('/api/verifications/mine').set(p.auxiliary.auth).expect(200)).body.verifications;
    expect(tasks).to.have.length(1);
    expect(tasks[0].tip.category).to.equal('safety_hazard');
    const others = await db().select().from(verifications).where(ne(verifications.communityId, p.communityId));
    expect(others).to.have.length(0);
    const [t] = await db().select().from(tips).where(and(eq(tips.reporterId, p.volunteer.user.id)));
    expect(t.verificationStatus).to.equal('open');
  });
});
