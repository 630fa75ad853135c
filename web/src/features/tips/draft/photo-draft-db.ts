import { idbStore } from '../../../lib/idb-store';
/**
 * Photos of the draft live in IndexedDB: sessionStorage holds only a few MB of text, and a
 * volunteer who reloads the page must not silently lose the photos they took.
 */
/** `ownerId`: who was signed in when the photo was added (null when signed out); see forgetDraftsOf. */
type StoredPhoto = { id: string; draftId: string; ownerId: string | null; file: Blob; name: string; type: string; addedAt: number };

export type DraftPhoto = { id: string; file: File };

const DB_NAME = 'hy-drafts';
const STORE = 'photos';
const DAY_MS = 24 * 60 * 60 * 1000;

const withStore = idbStore(DB_NAME, STORE);

export async function putDraftPhoto(draft: { draftId: string; ownerId: string | null }, photo: DraftPhoto): Promise<void> {
  const record: StoredPhoto = {
    id: photo.id,
    draftId: draft.draftId,
    ownerId: draft.ownerId,
    file: photo.file,
    name: photo.file.name,
    type: photo.file.type,
    addedAt: Date.now(),
  };
  await withStore('readwrite', (store) => store.put(record));
}

export async function deleteDraftPhoto(id: string): Promise<void> {
  await withStore('readwrite', (store) => store.delete(id));
}

async function allRecords(): Promise<StoredPhoto[]> {
  return (await withStore<StoredPhoto[]>('readonly', (store) => store.getAll() as IDBRequest<StoredPhoto[]>)) ?? [];
}

export async function loadDraftPhotos(draftId: string): Promise<DraftPhoto[]> {
  const records = (await allRecords()).filter((r) => r.draftId === draftId).sort((a, b) => a.addedAt - b.addedAt);
  return records.map((r) => ({
    id: r.id,
    file: r.file instanceof File ? r.file : new File([r.file], r.name, { type: r.type }),
  }));
}

/** Drops this draft's photos, and those of drafts abandoned in other tabs more than a day ago. */
export async function deleteDraftPhotos(draftId: string): Promise<void> {
  const cutoff = Date.now() - DAY_MS;
  await deletePhotosWhere((r) => r.draftId === draftId || r.addedAt < cutoff);
}

/** Drops the photos a user added in any tab, and those of one draft (an adopted one holds photos added before signing in). */
export async function deleteUserPhotos(ownerId: string, draftId: string | null): Promise<void> {
  await deletePhotosWhere((r) => r.ownerId === ownerId || r.draftId === draftId);
}

async function deletePhotosWhere(isStale: (record: StoredPhoto) => boolean): Promise<void> {
  const stale = (await allRecords()).filter(isStale);
  if (stale.length === 0) return;
  await withStore('readwrite', (store) => {
    for (const r of stale) store.delete(r.id);
  });
}
