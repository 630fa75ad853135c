import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect } from 'chai';
import { eq, sql } from 'drizzle-orm';
import { media } from '../src/db/schema/index';
import { api, db, harness, listen } from './support/harness';
import { createUser, type TestUser } from './support/factories';
import { jpegWithGps, noiseJpeg, png, truncatedJpeg, fakeJpeg } from './support/images';
import { multipart, tipFields, tipRowCounts, uploadedFiles, type Part } from './support/uploads';

const photo = (data: Buffer, filename = 'photo.jpg', type = 'image/jpeg'): Part => ({ name: 'photos', filename, type, data });

function send(user: TestUser, parts: Part[], headers: Record<string, string> = {}) {
  const form = multipart(parts);
  return api().post('/api/tips').set(user.auth).set(headers).set('Content-Type', form.contentType).send(form.body);
}

const incoming = () => path.join(harness().config.uploadDir, '.incoming');
/** What is left in the upload temp folder (none when it does not exist yet). */
function tempFiles(): string[] {
  try {
    return readdirSync(incoming());
  } catch {
    return [];
  }
}

const openDescriptors = () => readdirSync('/proc/self/fd').length;

async function until(check: () => boolean, ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

describe('media: uploads go through temp files that never outlive the request', () => {
  let volunteer: TestUser;
  before(async () => {
    volunteer = await createUser({ role: 'volunteer', districtId: 1 });
  });

  it('stores an accepted photo and leaves the temp folder empty', async () => {
    const res = await send(volunteer, [...tipFields(), photo(await jpegWithGps()), photo(await png(), 'b.png', 'image/png')]).expect(201);
    expect(res.body.tip.media).to.have.length(2);
    expect(tempFiles()).to.deep.equal([]);
    for (const m of res.body.tip.media) {
      const [row] = await db().select().from(media).where(eq(media.id, m.id));
      expect(uploadedFiles()).to.include(row.storageKey);
    }
  });

  for (const [what, parts, status] of [
    ['a refused field (validation)', async () => [...tipFields({ category: 'nonsense' }), photo(await jpegWithGps())], 400],
    ['a refused type (sniffed from the file)', async () => [...tipFields(), photo(fakeJpeg())], 415],
    ['an image the decoder refuses', async () => [...tipFields(), photo(await jpegWithGps()), photo(await truncatedJpeg())], 415],
  ] as const) {
    it(`removes every temp file after ${what}`, async () => {
      const rows = await tipRowCounts();
      const files = uploadedFiles();
      await send(volunteer, await parts()).expect(status);
      expect(tempFiles()).to.deep.equal([]);
      expect(uploadedFiles()).to.deep.equal(files);
      expect(await tipRowCounts()).to.deep.equal(rows);
    });
  }

  it('removes every file, temp and stored, when the database fails in the middle of the transaction (503)', async () => {
    // A real failure of the database while the tip's rows are written: a trigger raising the
    // SQLSTATE of a lost connection on this test's marker only.
    await db().execute(sql.raw(`
      CREATE OR REPLACE FUNCTION hy_test_fail_history() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM tips WHERE id = NEW.tip_id AND description LIKE '%FAIL-IN-TX%') THEN
          RAISE EXCEPTION 'connection lost (test)' USING ERRCODE = '08006';
        END IF;
        RETURN NEW;
      END $$`));
    await db().execute(sql.raw('CREATE TRIGGER hy_test_fail_history BEFORE INSERT ON tip_history FOR EACH ROW EXECUTE FUNCTION hy_test_fail_history()'));
    try {
      const rows = await tipRowCounts();
      const files = uploadedFiles();
      const res = await send(volunteer, [...tipFields({ description: 'FAIL-IN-TX 菜市场门口有人偷电瓶' }), photo(await jpegWithGps()), photo(await png(), 'b.png', 'image/png')]).expect(503);
      expect(res.body.error.code).to.equal('UNAVAILABLE');
      expect(res.headers['retry-after']).to.match(/^\d+$/);
      expect(tempFiles()).to.deep.equal([]);
      expect(uploadedFiles()).to.deep.equal(files);
      expect(await tipRowCounts()).to.deep.equal(rows);
    } finally {
      await db().execute(sql.raw('DROP TRIGGER IF EXISTS hy_test_fail_history ON tip_history'));
      await db().execute(sql.raw('DROP FUNCTION IF EXISTS hy_test_fail_history()'));
    }
  });

  it('removes the temp files of a replayed submission (same Idempotency-Key)', async () => {
    const parts = [...tipFields(), photo(await jpegWithGps())];
    const key = `faults-${randomBytes(6).toString('hex')}`;
    const first = await send(volunteer, parts, { 'Idempotency-Key': key }).expect(201);
    const files = uploadedFiles();
    const again = await send(volunteer, parts, { 'Idempotency-Key': key }).expect(201);
    expect(again.body.tip.id).to.equal(first.body.tip.id);
    expect(tempFiles()).to.deep.equal([]);
    expect(uploadedFiles()).to.deep.equal(files);
  });

  it('removes the temp files when the client hangs up in the middle of the upload', async () => {
    const server = await listen(harness().app);
    try {
      const rows = await tipRowCounts();
      const form = multipart([...tipFields(), photo(await noiseJpeg(900, 900)), photo(await noiseJpeg(900, 900))]);
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
        // The first photo whole and part of the second: one temp file done, one being written.
        req.write(form.body.subarray(0, Math.floor(form.body.length * 0.75)), () => setTimeout(() => req.destroy(), 200));
      });
      expect(await until(() => tempFiles().length === 0), `left: ${tempFiles().join(', ')}`).to.equal(true);
      expect(await tipRowCounts()).to.deep.equal(rows);
    } finally {
      await server.close();
    }
  });
});

describe('media: downloads survive files that vanish or fail, and never leak descriptors', () => {
  let reporter: TestUser;
  let tipId: string;
  let mediaIds: string[];
  const fileOf = async (mediaId: string) => {
    const [row] = await db().select().from(media).where(eq(media.id, mediaId));
    return path.join(harness().config.uploadDir, row.storageKey);
  };

  before(async () => {
    reporter = await createUser({ role: 'volunteer', districtId: 1 });
    const res = await send(reporter, [...tipFields(), photo(await jpegWithGps()), photo(await png(), 'b.png', 'image/png'), photo(await png(), 'c.png', 'image/png')]).expect(201);
    tipId = res.body.tip.id;
    mediaIds = res.body.tip.media.map((m: { id: string }) => m.id);
  });

  it('answers 404 JSON when the file was removed (by retention, say) after its row was read', async () => {
    rmSync(await fileOf(mediaIds[1]));
    const res = await api().get(`/api/tips/${tipId}/media/${mediaIds[1]}`).set(reporter.auth).expect(404);
    expect(res.body.error.code).to.equal('NOT_FOUND');
    await api().get(`/api/tips/${tipId}/media/${mediaIds[0]}`).set(reporter.auth).expect(200);
  });

  it('answers 503 JSON when the file cannot be read, and the process carries on', async () => {
    // A directory where the file was: open and stat succeed, the first read fails (EISDIR).
    const file = await fileOf(mediaIds[2]);
    rmSync(file);
    mkdirSync(file);
    const before = openDescriptors();
    const res = await api().get(`/api/tips/${tipId}/media/${mediaIds[2]}`).set(reporter.auth).expect(503);
    expect(res.headers['content-type']).to.match(/application\/json/);
    expect(res.body.error.code).to.equal('UNAVAILABLE');
    expect(res.headers['retry-after']).to.match(/^\d+$/);
    expect(await until(() => openDescriptors() <= before)).to.equal(true);
    await api().get(`/api/tips/${tipId}/media/${mediaIds[0]}`).set(reporter.auth).expect(200);
  });

  it('closes the file when the client aborts a download', async () => {
    // A file far larger than the socket buffers, so the server is still sending when the client leaves.
    writeFileSync(await fileOf(mediaIds[0]), randomBytes(48 * 1024 * 1024));
    const server = await listen(harness().app);
    try {
      const baseline = openDescriptors();
      for (let i = 0; i < 3; i++) {
        await new Promise<void>((resolve, reject) => {
          const req = http.get(`${server.url}/api/tips/${tipId}/media/${mediaIds[0]}`, { headers: reporter.auth }, (res) => {
            expect(res.statusCode).to.equal(200);
            res.once('data', () => {
              req.destroy();
              resolve();
            });
          });
          req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(err)));
        });
      }
      expect(await until(() => openDescriptors() <= baseline), `descriptors: ${openDescriptors()} > ${baseline}`).to.equal(true);
    } finally {
      await server.close();
    }
  });
});
