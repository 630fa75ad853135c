import type { Response } from 'express';

/** Where `config.checkResponses` (tests only) leaves its check of a JSON answer for answers not sent by `res.json`. */
export const CHECK_JSON = 'checkJson';

/**
 * Sends JSON the service already serialized (parts of it cached: the boards): text, its UTF-8
 * bytes, or those bytes in parts sent one after the other (a cached part is not copied into a new
 * buffer for every answer), with what `res.json` would send: `application/json; charset=utf-8`,
 * the status set before. In tests its parsed body is checked against the route's documented schema
 * like every `res.json` answer.
 */
export function sendJsonText(res: Response, json: string | Buffer | readonly Buffer[]): void {
  const check = res.locals[CHECK_JSON] as ((body: unknown) => void) | undefined;
  const isWhole = typeof json === 'string' || Buffer.isBuffer(json);
  check?.(JSON.parse((isWhole ? json : Buffer.concat(json)).toString()));
  // Set as is: Express adds the charset to a string body only, and would look the type up by name.
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  if (isWhole) {
    res.send(json);
    return;
  }
  res.setHeader('Content-Length', json.reduce((n, part) => n + part.length, 0));
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  // Headers and parts leave in one write: corked until end(), which uncorks.
  res.cork();
  for (const part of json) res.write(part);
  res.end();
}
