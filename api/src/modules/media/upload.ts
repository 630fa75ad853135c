import { mkdir, rm } from 'node:fs/promises';
import type { RequestHandler } from 'express';
import multer from 'multer';
import { payloadTooLarge, unsupportedMedia } from '../../http/errors';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '@hy/schemas/tip-rules';
import { incomingDir, storageError } from './storage';

export { MAX_PHOTO_BYTES, MAX_PHOTOS };

/** A photo as received: a temp file under UPLOAD_DIR/.incoming, never the whole file in memory. */
export type Upload = { field: string; path: string };

/**
 * Multipart parsing of up to `maxPhotos` files in the `photos` field, with every limit set
 * (multer's defaults are unlimited). Photos stream to temp files under UPLOAD_DIR/.incoming — the
 * same filesystem as the stored photos, so the re-encoded result is renamed into place, never
 * copied. Multer itself removes what it wrote when the form is refused or the client hangs up;
 * `withUploads` removes the rest whatever the handler does.
 */
function photosOf(maxPhotos: number): RequestHandler {
  const parse = multer({
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
      files: maxPhotos,
      fields: 12,
      fieldNameSize: 64,
      fieldSize: 20 * 1024,
      parts: maxPhotos + 12,
      headerPairs: 50,
    },
  }).array('photos', maxPhotos);
  return (req, res, next) =>
    parse(req, res, (err?: unknown) => {
      if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_COUNT')
        return next(payloadTooLarge(`At most ${maxPhotos} photos`, [{ field: 'photos', message: `at most ${maxPhotos} files` }]));
      // A full disk or a broken volume while the photos arrive: 507 / 503, as when storing them.
      next(err ? storageError(err) : undefined);
    });
}

/** Accepts multipart (with up to `maxPhotos` photos) or JSON (without); anything else is 415. */
export function acceptPhotosBody(maxPhotos: number): RequestHandler {
  const photos = photosOf(maxPhotos);
  return (req, res, next) => {
    if (req.is('multipart/form-data')) return photos(req, res, next);
    if (req.is('application/json') || !req.headers['content-type']) return next();
    throw unsupportedMedia('Send multipart/form-data or application/json');
  };
}

/** A tip's body: JSON, or multipart with up to MAX_PHOTOS photos. */
export const acceptTipBody = acceptPhotosBody(MAX_PHOTOS);

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
