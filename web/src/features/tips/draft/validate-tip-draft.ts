import type { TipDraft } from './tip-draft-storage';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, isInHengyang, MAX_PHOTOS } from './tip-rules';

export type TipField = 'category' | 'description' | 'occurredAt' | 'location' | 'districtId' | 'photos' | 'anonymous';
export type TipErrorKey =
  | 'category'
  | 'description'
  | 'occurredAt'
  | 'location'
  | 'outsideHengyang'
  | 'districtId'
  | 'photos'
  | 'needSignIn';
export type TipFieldErrors = Partial<Record<TipField, TipErrorKey>>;

/** Order of the fields on the page, to focus the first one in error. */
export const tipFieldOrder: TipField[] = ['category', 'description', 'occurredAt', 'location', 'districtId', 'photos', 'anonymous'];

/** A minute of slack: the phone's clock and the server's rarely agree to the second. */
const CLOCK_SKEW_MS = 60_000;

export function validateTipDraft(draft: TipDraft, photoCount: number, isSignedIn: boolean, now = Date.now()): TipFieldErrors {
  const errors: TipFieldErrors = {};
  if (!draft.category) errors.category = 'category';
  const length = draft.description.trim().length;
  if (length < DESCRIPTION_MIN || length > DESCRIPTION_MAX) errors.description = 'description';
  const occurredAt = new Date(draft.occurredAt).getTime();
  if (!draft.occurredAt || Number.isNaN(occurredAt) || occurredAt > now + CLOCK_SKEW_MS) errors.occurredAt = 'occurredAt';
  const hasCoordinates = draft.lat !== null && draft.lng !== null;
  if (!hasCoordinates && !draft.address.trim()) errors.location = 'location';
  else if (hasCoordinates && !isInHengyang(draft.lat ?? 0, draft.lng ?? 0)) errors.location = 'outsideHengyang';
  if (!draft.districtId) errors.districtId = 'districtId';
  if (photoCount > MAX_PHOTOS) errors.photos = 'photos';
  if (!draft.isAnonymous && !isSignedIn) errors.anonymous = 'needSignIn';
  return errors;
}

/** Maps the API's field names (details[].field) to the form's fields. */
export function tipFieldOf(apiField: string): TipField | null {
  switch (apiField) {
    case 'category':
    case 'description':
    case 'occurredAt':
    case 'districtId':
    case 'photos':
      return apiField;
    case 'lat':
    case 'lng':
    case 'address':
    case 'location':
      return 'location';
    default:
      return null;
  }
}
