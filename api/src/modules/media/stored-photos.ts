import { rm } from 'node:fs/promises';
import { processImage, type ProcessedImage } from './images';
import { commitFile, newStorageKey, removeFile } from './storage';
import type { Upload } from './upload';

/** A re-encoded photo in place under its key, not yet recorded in any table. */
export type StoredPhoto = Omit<ProcessedImage, 'path' | 'ext'> & { storageKey: string };

/**
 * Checks and re-encodes every uploaded photo (type sniffed, orientation applied, metadata dropped:
 * see images.ts), then renames each into place under a fresh key — all before the caller's
 * transaction, so nothing is ever half-written. On any refusal nothing is left behind. The caller
 * records the photos and calls `discard()` when its transaction does not commit (or has no use
 * for them, a replay), which removes the files again.
 */
export async function storePhotos(uploads: Upload[]): Promise<{ photos: StoredPhoto[]; discard: () => Promise<void> }> {
  const processed: ProcessedImage[] = [];
  const keys: string[] = [];
  const discard = async () => {
    await Promise.all([
      ...processed.map((p) => rm(p.path, { force: true }).catch(() => undefined)),
      ...keys.map((k) => removeFile(k).catch(() => undefined)),
    ]);
  };
  try {
    for (const u of uploads) processed.push(await processImage(u.path, u.field));
    keys.push(...processed.map((p) => newStorageKey(p.ext)));
    // allSettled: cleaning up while a sibling rename is still in flight would leave that file behind.
    const moves = await Promise.allSettled(processed.map((p, i) => commitFile(p.path, keys[i])));
    const failed = moves.find((m) => m.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (err) {
    await discard();
    throw err;
  }
  const photos = processed.map(({ path: _path, ext: _ext, ...p }, i) => ({ ...p, storageKey: keys[i] }));
  return { photos, discard };
}
