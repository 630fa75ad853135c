import { createHash } from 'node:crypto';
import type { Response } from 'express';

/**
 * A JSON answer shared caches may keep (reference lists, the public figures; the route sets its
 * `Cache-Control: public, …`), with a weak ETag of its body: `If-None-Match` with the same tag
 * gets 304 without a body (Express compares them). Only these answers carry an ETag — app.ts turns
 * Express's own off, which hashed every JSON body, the `no-store` ones no cache may keep included.
 */
export function sendCacheable(res: Response, body: unknown): void {
  res.set('ETag', `W/"${createHash('sha1').update(JSON.stringify(body)).digest('base64url')}"`);
  res.json(body);
}
