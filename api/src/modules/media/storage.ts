import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../http/errors';

/**
 * Files live under UPLOAD_DIR (outside any static folder) with server-generated names:
 * `ab/abcdef….jpg`. Nothing the client sends becomes part of a path.
 */
let root = '';
export function setUploadDir(dir: string): void {
  root = dir;
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}\.(jpg|png|webp)$/;

function resolveKey(key: string): string {
  if (!KEY.test(key)) throw new Error('invalid storage key');
  return path.join(root, key);
}

/**
 * Uploads in progress and re-encoded photos not yet committed: under UPLOAD_DIR, so a finished
 * photo is renamed into place (atomic, no copy). Its name starts with a dot and matches no key.
 */
export function incomingDir(): string {
  return path.join(root, '.incoming');
}

/**
 * Removes temp files older than `maxAgeMs` from the incoming folder: what a killed process left
 * behind (housekeeping). Age, not ownership, decides, so instances sharing UPLOAD_DIR never
 * remove each other's uploads in progress.
 */
export async function purgeStaleIncoming(now: Date, maxAgeMs = 3600_000): Promise<number> {
  let names: string[];
  try {
    names = await readdir(incomingDir());
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(incomingDir(), name);
    const s = await stat(file).catch(() => null);
    if (s?.isFile() && now.getTime() - s.mtimeMs > maxAgeMs) {
      await rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}

/** A fresh temp path in the incoming folder, for a file this process writes. */
export function stagingPath(suffix = 'tmp'): string {
  return path.join(incomingDir(), `${randomUUID()}.${suffix}`);
}

export function newStorageKey(ext: 'jpg' | 'png' | 'webp'): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id}.${ext}`;
}

export function storageError(err: unknown): AppError | unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new AppError('INSUFFICIENT_STORAGE', 'The server has no room for photos right now; try again later', undefined, {
      'Retry-After': '300',
    });
  // A misconfigured or unmounted volume (UPLOAD_DIR under a file, read-only, no permission).
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code === 'ENOTDIR')
    return new AppError('UNAVAILABLE', 'Photo storage is unavailable; try again later', undefined, { 'Retry-After': '60' });
  return err;
}

/** Moves a finished file (written under `incomingDir()`) to its key: a rename, so never half a file. */
export async function commitFile(staged: string, key: string): Promise<void> {
  const target = resolveKey(key);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await rename(staged, target);
  } catch (err) {
    throw storageError(err);
  }
}

export async function removeFile(key: string): Promise<void> {
  await rm(resolveKey(key), { force: true });
}

/**
 * Opens a stored file for reading: null when it is gone (removed by retention, say). The open
 * descriptor is what is read afterwards, so a deletion after this point cannot fail the read.
 * Other failures (permissions, I/O) are 503.
 */
export async function openFile(key: string): Promise<{ handle: FileHandle; size: number } | null> {
  let handle: FileHandle;
  try {
    handle = await open(resolveKey(key), 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw unavailable(err);
  }
  try {
    const s = await handle.stat();
    return { handle, size: s.size };
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw unavailable(err);
  }
}

function unavailable(err: unknown): AppError {
  const mapped = storageError(err);
  return mapped instanceof AppError
    ? mapped
    : new AppError('UNAVAILABLE', 'Photo storage is unavailable; try again later', undefined, { 'Retry-After': '60' });
}
