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
  /**
   * Who was signed in while writing it: their draft is removed when their session ends (a shared
   * phone). Null for a draft begun signed out, which survives and is adopted by whoever signs in.
   */
  ownerId: string | null;
  /** Set by the first submission attempt, reused by every retry, cleared once a tip exists. */
  idempotencyKey: string | null;
  /** Ids of the photos stored in IndexedDB, in order; tells how many a restore should find. */
  photoIds: string[];
};

const STORAGE_KEY = 'hy.tipDraft.v1';

export function emptyDraft(init: { draftId: string; occurredAt: string; ownerId: string | null }): TipDraft {
  const isSignedIn = init.ownerId !== null;
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
    isAnonymous: !isSignedIn,
    wasSignedIn: isSignedIn,
    ownerId: init.ownerId,
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
    return { ...emptyDraft({ draftId: value.draftId, occurredAt: '', ownerId: null }), ...value };
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
