import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import sharp from 'sharp';
import { unsupportedMedia } from '../../http/errors';
import { semaphore } from '../../lib/semaphore';
import { stagingPath, storageError } from './storage';

/** Real types we accept, sniffed from the bytes (never the name or the declared header). */
const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/avif']);

/** Pixel-flood guard: a 15 MB file may claim 60k×60k pixels; libvips refuses above this before decoding. */
export const MAX_INPUT_PIXELS = 50_000_000;
const MAX_EDGE = 2560;

/**
 * Decoding a 10 MB photo takes tens of MB, and libvips already spreads one image over every core
 * (sharp.concurrency() threads): images beyond half the cores at once add memory, not speed. A
 * burst of submissions waits its turn here instead of decoding all at once, keeping memory flat
 * (scripts/bench/upload-memory.ts, docs/performance.md). libvips' operation cache would keep
 * decoded images around: off.
 */
const imageSlots = semaphore(Math.max(1, Math.floor(availableParallelism() / 2)));
sharp.cache(false);

export type ProcessedImage = {
  /** The re-encoded file, under UPLOAD_DIR/.incoming until it is committed to its key. */
  path: string;
  bytes: number;
  mimeType: 'image/jpeg';
  ext: 'jpg';
  width: number;
  height: number;
  sha256: string;
};

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * Re-encodes an uploaded file to a clean JPEG in a new temp file: orientation applied,
 * EXIF/GPS/XMP/ICC comments dropped (sharp writes no metadata unless asked), long edge at most
 * 2560 px. The caller owns the result's file (commit or remove it); on a refusal nothing is left.
 */
export async function processImage(input: string, field: string): Promise<ProcessedImage> {
  const type = await fileTypeFromFile(input);
  if (!type || !ACCEPTED.has(type.mime)) {
    throw unsupportedMedia('Photos must be JPEG, PNG, WebP or HEIC images', [
      { field, message: `content is ${type?.mime ?? 'not a recognised image'}` },
    ]);
  }
  const output = stagingPath('jpg');
  // The upload middleware makes the folder for what it receives; a photo handed over by other code
  // (a seed, a script, a test calling the service) may be the first to need it.
  await mkdir(path.dirname(output), { recursive: true });
  try {
    const info = await imageSlots.run(() =>
      sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', sequentialRead: true })
        .rotate()
        .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 82, mozjpeg: false })
        .toFile(output),
    );
    return {
      path: output,
      bytes: info.size,
      mimeType: 'image/jpeg',
      ext: 'jpg',
      width: info.width,
      height: info.height,
      sha256: await sha256OfFile(output),
    };
  } catch (err) {
    await rm(output, { force: true }).catch(() => undefined);
    // libvips reports a full disk in its message only.
    const mapped = /no space left on device/i.test(String((err as Error).message)) ? storageError({ code: 'ENOSPC' }) : storageError(err);
    if (mapped !== err) throw mapped;
    const message = (err as Error).message ?? '';
    const reason = /pixel limit/i.test(message)
      ? 'image has too many pixels'
      : /heif|heic|compression format/i.test(message)
        ? 'this HEIC variant cannot be decoded here; send JPEG instead'
        : 'image is damaged or cannot be decoded';
    throw unsupportedMedia('A photo could not be processed', [{ field, message: reason }]);
  }
}
