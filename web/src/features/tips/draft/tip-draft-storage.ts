import { session } from '../../../lib/safe-storage';

/** What the volunteer has typed so far; kept in sessionStorage so a reload or a crash loses nothing. */
export type TipDraft = {
  draftId: string;
  category: string;
  description: string;
  /** datetime-local value, device time zone */
  occurredAt: string;
  lat: number | null;
  lng: number | null;
  accuracyMeters: number | null;
  address: string;
  districtId: string;
  isAnonymous: boolean;
  /** Whether the volunteer was signed in when the draft last changed hands (see report-tip-form). */
  wasSignedIn: boolean;
  /** Set by the first submission attempt, reused by every retry, cleared once a tip exists. */
  idempotencyKey: string | null;
  /** Ids of the photos stored in IndexedDB, in order; tells how many a restore should find. */
  photoIds: string[];
};

const STORAGE_KEY = 'hy.tipDraft.v1';

export function emptyDraft(init: { draftId: string; occurredAt: string; isSignedIn: boolean }): TipDraft {
  return {
    draftId: init.draftId,
    category: '',
    description: '',
    occurredAt: init.occurredAt,
    lat: null,
    lng: null,
    accuracyMeters: null,
    address: '',
    districtId: '',
    isAnonymous: !init.isSignedIn,
    wasSignedIn: init.isSignedIn,
    idempotencyKey: null,
    photoIds: [],
  };
}

export function loadDraft(): TipDraft | null {
  const raw = session.get(STORAGE_KEY);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<TipDraft>;
    if (typeof value.draftId !== 'string') return null;
    return { ...emptyDraft({ draftId: value.draftId, occurredAt: '', isSignedIn: false }), ...value };
  } catch {
    return null;
  }
}

export function saveDraft(draft: TipDraft): void {
  session.set(STORAGE_KEY, JSON.stringify(draft));
}

export function clearDraft(): void {
  session.remove(STORAGE_KEY);
}

export function hasContent(draft: TipDraft): boolean {
  return Boolean(
    draft.category || draft.description.trim() || draft.address.trim() || draft.lat !== null || draft.photoIds.length > 0,
  );
}
