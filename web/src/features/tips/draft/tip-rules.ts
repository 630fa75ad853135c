/**
 * The submission limits of the tips contract, checked on the phone first so a volunteer on a slow
 * network learns of a problem before uploading megabytes; the server checks them again.
 */
export const MAX_PHOTOS = 6;
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 4000;
export const HENGYANG_BOUNDS = { latMin: 26.1, latMax: 27.6, lngMin: 111.5, lngMax: 113.3 } as const;

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif']);
// Some Android browsers give HEIC files (and sometimes others) an empty type: judge by the name then.
const PHOTO_EXTENSIONS = /\.(jpe?g|png|webp|heic|heif)$/i;

export function isAcceptedPhoto(file: File): boolean {
  if (PHOTO_TYPES.has(file.type.toLowerCase())) return true;
  return file.type === '' && PHOTO_EXTENSIONS.test(file.name);
}

export function isInHengyang(lat: number, lng: number): boolean {
  const b = HENGYANG_BOUNDS;
  return lat >= b.latMin && lat <= b.latMax && lng >= b.lngMin && lng <= b.lngMax;
}
