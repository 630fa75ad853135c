import type { CreateTip } from '@hy/schemas/tips';
import type { TipDraft } from './tip-draft-storage';
import { MAX_PHOTOS } from './tip-rules';

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

/** The draft as the API's body: the datetime-local value read in the device's time zone. */
function bodyOf(draft: TipDraft) {
  const occurredAt = new Date(draft.occurredAt);
  return {
    category: draft.category,
    description: draft.description,
    occurredAt: draft.occurredAt && !Number.isNaN(occurredAt.getTime()) ? occurredAt.toISOString() : draft.occurredAt,
    lat: draft.lat,
    lng: draft.lng,
    address: draft.address,
    districtId: draft.districtId,
  };
}

/**
 * The server's schema (and zod with it, 24 KB compressed, and tens of milliseconds to evaluate on a slow phone)
 * loads apart from the form: the form asks for it once the tipster starts on it, and sending waits
 * for it. The service worker precaches its chunk, so it loads offline too.
 */
let createTipSchema: Promise<typeof CreateTip> | null = null;
export function loadTipRules() {
  createTipSchema ??= import('@hy/schemas/tips').then(
    (m) => m.CreateTip,
    (error: unknown) => {
      createTipSchema = null; // the next attempt fetches it again
      throw error;
    },
  );
  return createTipSchema;
}

/**
 * The server's own rules (CreateTip, the schema POST /api/tips validates with), run on the phone
 * before anything is sent; only the photo count and who may send stay the form's.
 */
export async function validateTipDraft(draft: TipDraft, photoCount: number, isSignedIn: boolean): Promise<TipFieldErrors> {
  const CreateTip = await loadTipRules();
  const errors: TipFieldErrors = {};
  const hasCoordinates = draft.lat !== null && draft.lng !== null;
  const result = CreateTip.safeParse(bodyOf(draft));
  for (const issue of result.error?.issues ?? []) {
    const field = tipFieldOf(String(issue.path[0] ?? ''));
    if (!field || field === 'anonymous' || errors[field]) continue;
    errors[field] = field === 'location' && hasCoordinates && issue.path[0] !== 'address' ? 'outsideHengyang' : field;
  }
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
