import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReadStream } from 'node:fs';
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

export function newStorageKey(ext: 'jpg' | 'png' | 'webp'): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id}.${ext}`;
}

function storageError(err: unknown): AppError | unknown {
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

/** Writes atomically (temp file + rename) so a crash never leaves a half file under a real key. */
export async function putFile(key: string, data: Buffer): Promise<void> {
  const target = resolveKey(key);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw storageError(err);
  }
}

export async function removeFile(key: string): Promise<void> {
  await rm(resolveKey(key), { force: true });
}

export async function openFile(key: string): Promise<{ stream: ReadStream; size: number } | null> {
  const file = resolveKey(key);
  try {
    const s = await stat(file);
    return { stream: createReadStream(file), size: s.size };
  } catch {
    return null;
  }
}
