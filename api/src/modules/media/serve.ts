import type { Response } from 'express';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { AppError, notFound } from '../../http/errors';
import { openFile } from './storage';

/**
 * Streams a stored file as the response. `pipeline` closes the file whatever happens: a client
 * that hangs up, a read error. An error before the first byte is thrown (the error handler answers
 * JSON: 404 when the file is gone, 503 when it cannot be read); after it, the connection is cut,
 * since a half-sent body with its Content-Length can no longer become an error answer.
 */
export async function sendStoredFile(res: Response, key: string, headers: Record<string, string>): Promise<void> {
  const file = await openFile(key);
  if (!file) throw notFound('Photo');
  try {
    const stream = file.handle.createReadStream();
    // The first read decides between a JSON error and the file: nothing is sent before it.
    try {
      await once(stream, 'readable');
    } catch {
      throw new AppError('UNAVAILABLE', 'The photo could not be read; try again later', undefined, { 'Retry-After': '60' });
    }
    res.set({ ...headers, 'Content-Length': String(file.size) });
    // From here an error (or the client leaving) destroys both ends: the socket is cut.
    await pipeline(stream, res).catch(() => undefined);
  } finally {
    await file.handle.close().catch(() => undefined);
  }
}
