import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { unsupportedMedia } from '../../http/errors';

/** Real types we accept, sniffed from the bytes (never the name or the declared header). */
const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/avif']);

/** Pixel-flood guard: a 15 MB file may claim 60k×60k pixels; libvips refuses above this before decoding. */
export const MAX_INPUT_PIXELS = 50_000_000;
const MAX_EDGE = 2560;

export type ProcessedImage = {
  data: Buffer;
  mimeType: 'image/jpeg';
  ext: 'jpg';
  width: number;
  height: number;
  sha256: string;
};

/**
 * Re-encodes an upload to a clean JPEG: orientation applied, EXIF/GPS/XMP/ICC comments dropped
 * (sharp writes no metadata unless asked), long edge at most 2560 px.
 */
export async function processImage(input: Buffer, field: string): Promise<ProcessedImage> {
  const type = await fileTypeFromBuffer(input);
  if (!type || !ACCEPTED.has(type.mime)) {
    throw unsupportedMedia('Photos must be JPEG, PNG, WebP or HEIC images', [
      { field, message: `content is ${type?.mime ?? 'not a recognised image'}` },
    ]);
  }
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', sequentialRead: true })
      .rotate()
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: false })
      .toBuffer({ resolveWithObject: true });
    return {
      data,
      mimeType: 'image/jpeg',
      ext: 'jpg',
      width: info.width,
      height: info.height,
      sha256: createHash('sha256').update(data).digest('hex'),
    };
  } catch (err) {
    const message = (err as Error).message ?? '';
    const reason = /pixel limit/i.test(message)
      ? 'image has too many pixels'
      : /heif|heic|compression format/i.test(message)
        ? 'this HEIC variant cannot be decoded here; send JPEG instead'
        : 'image is damaged or cannot be decoded';
    throw unsupportedMedia('A photo could not be processed', [{ field, message: reason }]);
  }
}
