import { mkdir, rm } from 'node:fs/promises';
import type { RequestHandler } from 'express';
import multer from 'multer';
import { unsupportedMedia } from '../../http/errors';
import { incomingDir, storageError } from './storage';

export const MAX_PHOTOS = 6;
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;

/** A photo as received: a temp file under UPLOAD_DIR/.incoming, never the whole file in memory. */
export type Upload = { field: string; path: string };

/**
 * Multipart parsing with every limit set (multer's defaults are unlimited). Photos stream to temp
 * files under UPLOAD_DIR/.incoming — the same filesystem as the stored photos, so the re-encoded
 * result is renamed into place, never copied. Multer itself removes what it wrote when the form is
 * refused or the client hangs up; `withUploads` removes the rest whatever the handler does.
 */
const photos = multer({
  storage: multer.diskStorage({
    destination: (_req, _file, cb) => {
      const dir = incomingDir();
      mkdir(dir, { recursive: true }).then(
        () => cb(null, dir),
        (err: unknown) => cb(err as Error, dir),
      );
    },
  }),
  limits: {
    fileSize: MAX_PHOTO_BYTES,
    files: MAX_PHOTOS,
    fields: 12,
    fieldNameSize: 64,
    fieldSize: 20 * 1024,
    parts: MAX_PHOTOS + 12,
    headerPairs: 50,
  },
}).array('photos', MAX_PHOTOS);

/** Accepts multipart (with photos) or JSON (without); anything else is 415. */
export const acceptTipBody: RequestHandler = (req, res, next) => {
  if (req.is('multipart/form-data'))
    // A full disk or a broken volume while the photos arrive: 507 / 503, as when storing them.
    return photos(req, res, (err?: unknown) => next(err ? storageError(err) : undefined));
  if (req.is('application/json') || !req.headers['content-type']) return next();
  throw unsupportedMedia('Send multipart/form-data or application/json');
};

/**
 * Runs `work` with the request's uploaded photos and removes their temp files afterwards, before
 * the caller answers — on success, on a refusal and on any error.
 */
export async function withUploads<T>(files: unknown, work: (uploads: Upload[]) => Promise<T>): Promise<T> {
  const received = Array.isArray(files) ? (files as Express.Multer.File[]) : [];
  try {
    return await work(received.map((f, i) => ({ field: `photos[${i}]`, path: f.path })));
  } finally {
    await Promise.all(received.map((f) => rm(f.path, { force: true }).catch(() => undefined)));
  }
}
