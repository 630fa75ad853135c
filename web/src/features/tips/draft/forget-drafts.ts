import { clearDraft, loadDraft } from './tip-draft-storage';

/**
 * Removes what a user left of a tip report on this device when their session ends: this tab's
 * draft if it is theirs (a draft begun signed out stays) and their photos in IndexedDB, which all
 * tabs share. Other tabs remove their own drafts when they see the session end. The draft goes at
 * once; the photo store is its own lazy chunk (the report form's), so the home page carries none of it.
 */
export async function forgetDraftsOf(userId: string): Promise<void> {
  const saved = loadDraft();
  const isTheirs = saved?.ownerId === userId;
  if (isTheirs) clearDraft();
  const { deleteUserPhotos } = await import('./photo-draft-db');
  await deleteUserPhotos(userId, isTheirs ? saved.draftId : null);
}
