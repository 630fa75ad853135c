import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Response } from 'supertest';
import { media } from '../src/db/schema/index';
import { setUploadDir } from '../src/modules/media/storage';
import { api, db, harness, listen } from './support/harness';
import { createUser, type TestUser } from './support/factories';
import { EXIF_MARKER, fakeJpeg, GPS_MARKER, jpegWithGps, noiseJpeg, pixelFloodPng, png, truncatedJpeg } from './support/images';
import { multipart, tipFields, tipRowCounts, uploadedFiles, type Part } from './support/uploads';

const photo = (data: Buffer, name = 'photos', filename = 'photo.jpg', type = 'image/jpeg'): Part => ({ name, filename, type, data });

function send(user: TestUser, parts: Part[], opts: { close?: boolean } = {}) {
  const form = multipart(parts, opts);
  return api().post('/api/tips').set(user.auth).set('Content-Type', form.contentType).send(form.body);
}

/** Collects a binary response body as a Buffer whatever its content type. */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Asserts the request wrote nothing: no tip, media or history row and no file (not even a temp file). */
async function expectNothingLeft(run: () => Promise<unknown>): Promise<void> {
  const rows = await tipRowCounts();
  const files = uploadedFiles();
  await run();
  expect(await tipRowCounts()).to.deep.equal(rows);
  expect(uploadedFiles()).to.deep.equal(files);
}

describe('media: photos of a tip', () => {
  let reporter: TestUser;
  let tipId: string;
  let mediaId: string;

  before(async () => {
    reporter = await createUser({ role: 'volunteer', districtId: 1 });
    const res = await send(reporter, [...tipFields(), photo(await jpegWithGps(), 'photos', 'IMG_GPS.jpg')]).expect(201);
    tipId = res.body.tip.id;
    mediaId = res.body.tip.media[0].id;
  });

  it('strips EXIF and GPS from the stored file', async () => {
    const original = await jpegWithGps();
    // The fixture really carries them, or this test proves nothing.
    expect((await sharp(original).metadata()).exif).to.be.an.instanceOf(Buffer);
    expect(original.includes(GPS_MARKER)).to.equal(true);

    const [row] = await db().select().from(media).where(eq(media.id, mediaId));
    const stored = readFileSync(path.join(harness().config.uploadDir, row.storageKey));
    const meta = await sharp(stored).metadata();
    expect(meta.format).to.equal('jpeg');
    expect(meta.exif).to.equal(undefined);
    expect(meta.xmp).to.equal(undefined);
    expect(stored.includes(GPS_MARKER)).to.equal(false);
    expect(stored.includes(EXIF_MARKER)).to.equal(false);
    expect(stored.includes(Buffer.from('Exif\0\0', 'latin1'))).to.equal(false);
    expect([row.width, row.height]).to.deep.equal([64, 48]);
  });

  it('serves the photo to its reporter as a clean JPEG with nosniff', async () => {
    const res = await api().get(`/api/tips/${tipId}/media/${mediaId}`).set(reporter.auth).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).to.equal('image/jpeg');
    expect(res.headers['x-content-type-options']).to.equal('nosniff');
    expect(res.headers['cache-control']).to.match(/private/);
    const body = res.body as Buffer;
    expect(Number(res.headers['content-length'])).to.equal(body.length);
    expect((await sharp(body).metadata()).exif).to.equal(undefined);
    expect(body.includes(GPS_MARKER)).to.equal(false);
  });

  it('serves the photo to police of the district', async () => {
    const officer = await createUser({ role: 'officer', districtId: 1 });
    await api().get(`/api/tips/${tipId}/media/${mediaId}`).set(officer.auth).expect(200);
  });

  it('answers 404 to everyone else, and 401 without a token', async () => {
    for (const other of [
      await createUser({ role: 'volunteer', districtId: 1 }),
      await createUser({ role: 'officer', districtId: 11 }),
      await createUser({ role: 'organizer', districtId: 1 }),
    ]) {
      const res = await api().get(`/api/tips/${tipId}/media/${mediaId}`).set(other.auth).expect(404);
      expect(res.headers['content-type']).to.match(/application\/json/);
    }
    await api().get(`/api/tips/${tipId}/media/${mediaId}`).expect(401);
  });

  it('answers 404 to a photo of another tip asked for under this tip, and 400 to a malformed id', async () => {
    const other = await send(reporter, [...tipFields(), photo(await png(), 'photos', 'x.png', 'image/png')]).expect(201);
    const otherMedia = other.body.tip.media[0].id;
    await api().get(`/api/tips/${tipId}/media/${otherMedia}`).set(reporter.auth).expect(404);
    await api().get(`/api/tips/${tipId}/media/${randomUUID()}`).set(reporter.auth).expect(404);
    const bad = await api().get(`/api/tips/${tipId}/media/..%2F..%2Fjwt-secret`).set(reporter.auth).expect(400);
    expect(bad.body.error.details[0].field).to.equal('mediaId');
  });
});

describe('media: refused uploads leave no file and no row', () => {
  let volunteer: TestUser;
  before(async () => {
    volunteer = await createUser({ role: 'volunteer', districtId: 1 });
  });

  it('refuses a text file named .jpg and declared image/jpeg with 415', async () => {
    await expectNothingLeft(async () => {
      const res = await send(volunteer, [...tipFields(), photo(fakeJpeg())]).expect(415);
      expect(res.body.error.code).to.equal('UNSUPPORTED_MEDIA');
      expect(res.body.error.details[0].field).to.equal('photos[0]');
    });
  });

  it('refuses the whole tip when one photo of several is fake, keeping none of the good ones', async () => {
    await expectNothingLeft(async () => {
      await send(volunteer, [...tipFields(), photo(await png(), 'photos', 'a.png', 'image/png'), photo(await png(), 'photos', 'b.png', 'image/png'), photo(fakeJpeg())]).expect(415);
    });
  });

  it('refuses a truncated JPEG with 415', async () => {
    await expectNothingLeft(async () => {
      await send(volunteer, [...tipFields(), photo(await truncatedJpeg())]).expect(415);
    });
  });

  it('refuses a pixel flood (a tiny PNG claiming 60000×60000 pixels) with 415', async () => {
    const flood = await pixelFloodPng();
    expect((await sharp(flood, { limitInputPixels: false }).metadata()).width).to.equal(60_000);
    await expectNothingLeft(async () => {
      const res = await send(volunteer, [...tipFields(), photo(flood, 'photos', 'flood.png', 'image/png')]).expect(415);
      expect(res.body.error.details[0].message).to.match(/pixels/);
    });
  });

  it('refuses a photo over 15 MB with 413', async () => {
    const big = Buffer.concat([await png(), Buffer.alloc(15 * 1024 * 1024)]);
    await expectNothingLeft(async () => {
      const res = await send(volunteer, [...tipFields(), photo(big, 'photos', 'big.png', 'image/png')]).expect(413);
      expect(res.body.error.code).to.equal('PAYLOAD_TOO_LARGE');
    });
  });

  it('refuses 7 photos with 413', async () => {
    const p = await png();
    await expectNothingLeft(async () => {
      const res = await send(volunteer, [...tipFields(), ...Array.from({ length: 7 }, (_, i) => photo(p, 'photos', `${i}.png`, 'image/png'))]).expect(413);
      expect(res.body.error.message).to.match(/6/);
    });
  });

  it('accepts exactly 6 photos', async () => {
    const p = await png();
    const res = await send(volunteer, [...tipFields(), ...Array.from({ length: 6 }, (_, i) => photo(p, 'photos', `${i}.png`, 'image/png'))]).expect(201);
    expect(res.body.tip.media).to.have.length(6);
  });

  it('refuses a file in a field with another name with 400', async () => {
    await expectNothingLeft(async () => {
      const res = await send(volunteer, [...tipFields(), photo(await png(), 'avatar', 'a.png', 'image/png')]).expect(400);
      expect(res.body.error.code).to.equal('BAD_REQUEST');
    });
  });

  it('refuses a file in a field with an empty name with 400', async () => {
    await expectNothingLeft(async () => {
      await send(volunteer, [...tipFields(), photo(await png(), '', 'a.png', 'image/png')]).expect(400);
    });
  });

  it('refuses a truncated multipart form with 400', async () => {
    await expectNothingLeft(async () => {
      const form = multipart([...tipFields(), photo(await png(), 'photos', 'a.png', 'image/png')], { close: false });
      const cut = form.body.subarray(0, form.body.length - 40);
      const res = await api().post('/api/tips').set(volunteer.auth).set('Content-Type', form.contentType).send(cut).expect(400);
      expect(res.body.error.code).to.equal('BAD_REQUEST');
    });
  });

  it('refuses a multipart body without a boundary with 400', async () => {
    await expectNothingLeft(async () => {
      await api().post('/api/tips').set(volunteer.auth).set('Content-Type', 'multipart/form-data').send('x').expect(400);
    });
  });

  it('leaves nothing behind when the client hangs up in the middle of an upload', async () => {
    const server = await listen(harness().app);
    try {
      const before = uploadedFiles();
      await expectNothingLeft(async () => {
        const form = multipart([...tipFields(), photo(await noiseJpeg(600, 600))]);
        await new Promise<void>((resolve) => {
          const req = http.request(`${server.url}/api/tips`, {
            method: 'POST',
            headers: { ...volunteer.auth, 'Content-Type': form.contentType, 'Content-Length': String(form.body.length) },
          });
          req.on('error', () => resolve());
          req.on('response', (res) => {
            res.resume();
            resolve();
          });
          req.write(form.body.subarray(0, Math.floor(form.body.length / 2)), () => setTimeout(() => req.destroy(), 100));
        });
        // The server notices the hang-up and removes the half-received temp file in its own time
        // (a busy CI machine takes longer than a fixed pause): wait until the files are back as they
        // were — or fail after 15 s — then expectNothingLeft checks files and rows.
        const deadline = Date.now() + 15_000;
        while (JSON.stringify(uploadedFiles()) !== JSON.stringify(before) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      });
    } finally {
      await server.close();
    }
  });
});

describe('media: broken photo storage', () => {
  let blocker: string;
  before(() => {
    blocker = mkdtempSync(path.join(tmpdir(), 'hy-blocked-'));
    writeFileSync(path.join(blocker, 'file'), 'a regular file where a directory should be');
    // UPLOAD_DIR below a regular file: every mkdir/write fails with ENOTDIR.
    setUploadDir(path.join(blocker, 'file', 'uploads'));
  });
  after(() => {
    setUploadDir(harness().config.uploadDir);
    rmSync(blocker, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After when photos cannot be stored, and files no tip', async () => {
    const volunteer = await createUser({ role: 'volunteer', districtId: 1 });
    const rows = await tipRowCounts();
    const res = await send(volunteer, [...tipFields(), photo(await png(), 'photos', 'a.png', 'image/png'), photo(await jpegWithGps())]).expect(503);
    expect(res.body.error.code).to.equal('UNAVAILABLE');
    expect(res.headers['retry-after']).to.match(/^\d+$/);
    expect(JSON.stringify(res.body)).not.to.include(blocker);
    expect(await tipRowCounts()).to.deep.equal(rows);
  });
});
