import type { Response } from 'express';

/** Where `config.checkResponses` (tests only) leaves its check of a JSON answer for answers not sent by `res.json`. */
export const CHECK_JSON = 'checkJson';

/**
 * Sends JSON the service already serialized (parts of it cached: the boards), with what `res.json`
 * would send: `application/json; charset=utf-8`, the status set before. In tests its parsed body
 * is checked against the route's documented schema like every `res.json` answer.
 */
export function sendJsonText(res: Response, text: string): void {
  (res.locals[CHECK_JSON] as ((body: unknown) => void) | undefined)?.(JSON.parse(text));
  res.set('Content-Type', 'application/json');
  res.send(text);
}
