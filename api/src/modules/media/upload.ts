import type { RequestHandler } from 'express';
import multer from 'multer';
import { unsupportedMedia } from '../../http/errors';

export const MAX_PHOTOS = 6;
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;

/**
 * Multipart parsing with every limit set (multer's defaults are unlimited). Files stay in memory
 * (at most 6 × 15 MB) and are only ever written after they are checked and re-encoded.
 */
const photos = multer({
  storage: multer.memoryStorage(),
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
  if (req.is('multipart/form-data')) return photos(req, res, next);
  if (req.is('application/json') || !req.headers['content-type']) return next();
  throw unsupportedMedia('Send multipart/form-data or application/json');
};

export const uploadedPhotos = (files: unknown): { field: string; buffer: Buffer }[] =>
  Array.isArray(files)
    ? (files as Express.Multer.File[]).map((f, i) => ({ field: `photos[${i}]`, buffer: f.buffer }))
    : [];
