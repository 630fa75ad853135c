import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

/** A value written into the GPS IFD of the EXIF fixture: finding it in stored bytes means GPS leaked. */
export const GPS_MARKER = 'HYGPSMARKER';
/** A value written into IFD0 (Copyright) of the EXIF fixture. */
export const EXIF_MARKER = 'HY-EXIF-MARKER';

const canvas = (width: number, height: number, background = '#c33') =>
  sharp({ create: { width, height, channels: 3, background } });

/** A JPEG carrying EXIF with a GPS position (衡阳, 26.89 N 112.57 E) and an orientation tag. */
export function jpegWithGps(): Promise<Buffer> {
  return canvas(64, 48)
    .jpeg()
    .withExif({
      IFD0: { Copyright: EXIF_MARKER },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '26/1 53/1 3600/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '112/1 34/1 1900/100',
        GPSMapDatum: GPS_MARKER,
      },
    })
    .toBuffer();
}

export const png = () => canvas(40, 30, '#3c3').png().toBuffer();
export const webp = () => canvas(40, 30, '#33c').webp().toBuffer();

/** Text pretending to be a photo by its name and declared type only. */
export const fakeJpeg = () => Buffer.from('This is a text file, not a photo.\n'.repeat(20), 'utf8');

/** A real JPEG cut in half: the type sniffs as JPEG, the decoder must refuse it. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await noiseJpeg(200, 200);
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/**
 * A JPEG of random noise (barely compressible), for large or slow uploads: about
 * width × height × 1.2 bytes at quality 100.
 */
export function noiseJpeg(width: number, height: number): Promise<Buffer> {
  const raw = randomBytes(width * height * 3);
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 100 }).toBuffer();
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A tiny, valid PNG whose IHDR claims width × height pixels (CRC fixed): a decompression bomb's
 * header. Without a pixel limit a decoder would try to allocate width × height × channels bytes.
 */
export async function pixelFloodPng(width = 60_000, height = 60_000): Promise<Buffer> {
  const small = Buffer.from(await png());
  // Signature (8) + IHDR length (4) + "IHDR" (4): width and height follow, then the CRC at 29.
  if (small.toString('latin1', 12, 16) !== 'IHDR') throw new Error('unexpected PNG layout');
  small.writeUInt32BE(width, 16);
  small.writeUInt32BE(height, 20);
  small.writeUInt32BE(crc32(small.subarray(12, 29)), 29);
  return small;
}
