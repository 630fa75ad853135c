import { createHmac } from 'node:crypto';
import { Router, type Request, type RequestHandler } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Config } from '../../config';
import { limiter } from '../../http/rate-limit';
import { validate } from '../../http/validate';
import { TrackInput, TrackMessageInput } from './tracking.schema';
import { postTrackedMessage, trackTip, warmTracking } from './tracking.service';

const WINDOW_MS = 15 * 60_000;

/**
 * Anonymous tipsters follow their tip with its reference and access code. Guessing is limited per
 * reference and per client; failed attempts only count, so a tipster reading their own thread is
 * never locked out by themselves.
 */
export function trackingRoutes(config: Pick<Config, 'trackRateLimit' | 'jwtSecret'>): Router {
  const router = Router();
  warmTracking();
  // The limiter's store (memory, or Redis with a TTL of the window) keys clients by a keyed hash,
  // never by the address itself: not even the rate-limit store holds a tipster's IP.
  const clientKey = (req: Request) =>
    createHmac('sha256', `track-client:${config.jwtSecret}`)
      .update(ipKeyGenerator(req.ip ?? 'unknown'))
      .digest('base64url');
  const message = 'Too many tracking attempts; wait a while before trying again';
  const perClient = limiter({
    name: 'track-client',
    windowMs: WINDOW_MS,
    limit: config.trackRateLimit,
    key: clientKey,
    message,
    skipSuccessfulRequests: true,
  });
  const perReference = limiter({
    name: 'track-reference',
    windowMs: WINDOW_MS,
    limit: config.trackRateLimit,
    key: (req) => `ref:${(req.body as TrackInput).reference}`,
    message,
    skipSuccessfulRequests: true,
  });
  const guarded = (schema: typeof TrackInput | typeof TrackMessageInput): RequestHandler[] => [validate(schema), perClient, perReference];

  router.post('/tips/track', ...guarded(TrackInput), async (req, res) => {
    res.json(await trackTip(req.body as TrackInput));
  });

  router.post('/tips/track/messages', ...guarded(TrackMessageInput), async (req, res) => {
    res.status(201).json({ message: await postTrackedMessage(req.body as TrackMessageInput) });
  });

  return router;
}
