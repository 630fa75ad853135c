import type { Response } from 'express';

/** Where `config.checkResponses` (tests only) leaves its check of a JSON answer for answers not sent by `res.json`. */
export const CHECK_JSON = 'checkJson';

/**
 * Sends JSON the service already serialized, as UTF-8 bytes in parts (the boards: their own fields,
 * the cached top N, a closing brace), one after the other in one write — a cached part is not
 * copied into a new buffer for every answer — with what `res.json` would send:
 * `application/json; charset=utf-8`, the status set before. In tests its parsed body is checked
 * against the route's documented schema like every `res.json` answer.
 */
export function sendJsonText(res: Response, parts: readonly Buffer[]): void {
  (res.locals[CHECK_JSON] as ((body: unknown) => void) | undefined)?.(JSON.parse(Buffer.concat(parts).toString()));
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', parts.reduce((n, part) => n + part.length, 0));
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  // Headers and parts leave in one write: corked until end(), which uncorks.
  res.cork();
  for (const part of parts) res.write(part);
  res.end();
}
