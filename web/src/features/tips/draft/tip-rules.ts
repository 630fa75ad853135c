import { CITY_BOUNDS } from '@hy/schemas/categories';

/**
 * The submission limits of the tips contract, checked on the phone first so a volunteer on a slow
 * network learns of a problem before uploading megabytes; the server checks them again. The
 * numbers are the server's own (@hy/schemas), never a copy.
 */
export { DESCRIPTION_LENGTH, MAX_PHOTO_BYTES, MAX_PHOTOS } from '@hy/schemas/tip-rules';

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif']);
// Some Android browsers give HEIC files (and sometimes others) an empty type: judge by the name then.
const PHOTO_EXTENSIONS = /\.(jpe?g|png|webp|heic|heif)$/i;

export function isAcceptedPhoto(file: File): boolean {
  if (PHOTO_TYPES.has(file.type.toLowerCase())) return true;
  return file.type === '' && PHOTO_EXTENSIONS.test(file.name);
}

export function isInHengyang(lat: number, lng: number): boolean {
  const b = CITY_BOUNDS;
  return lat >= b.minLat && lat <= b.maxLat && lng >= b.minLng && lng <= b.maxLng;
}
