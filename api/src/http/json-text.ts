import type { Response } from 'express';

/** Where `config.checkResponses` (tests only) leaves its check of a JSON answer for answers not sent by `res.json`. */
export const CHECK_JSON = 'checkJson';

/**
 * Sends JSON the service already serialized (parts of it cached: the boards), as text or as its
 * UTF-8 bytes, with what `res.json` would send: `application/json; charset=utf-8`, the status set
 * before. In tests its parsed body is checked against the route's documented schema like every
 * `res.json` answer.
 */
export function sendJsonText(res: Response, json: string | Buffer): void {
  (res.locals[CHECK_JSON] as ((body: unknown) => void) | undefined)?.(JSON.parse(json.toString()));
  // Set as is: Express adds the charset to a string body only, and would look the type up by name.
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.send(json);
}
