import { Router, type RequestHandler } from 'express';
import type { Config } from '../../config';
import { intakeBudgets } from '../../http/budgets';
import { AppError } from '../../http/errors';
import { addressKeys, limiter } from '../../http/rate-limit';
import { validate } from '../../http/validate';
import { recordWrongCode } from './tracking-delay';
import { TrackInput, TrackMessageInput } from '@hy/schemas/tracking';
import { postTrackedMessage, trackTip, warmTracking } from './tracking.service';

const WINDOW_MS = 15 * 60_000;

type TrackingConfig = Parameters<typeof intakeBudgets>[0] & Pick<Config, 'trackRateLimit'>;

/**
 * Anonymous tipsters follow their tip with its reference and access code. Guessing is limited
 * per client (failed attempts only, so a tipster reading their own thread never locks themselves
 * out) and slowed per reference by a growing delay that the right code always passes: nothing a
 * stranger does can lock the real tipster out (docs/anonymity.md).
 */
export function trackingRoutes(config: TrackingConfig): Router {
  const router = Router();
  warmTracking();
  const isEnabled = config.rateLimits;
  const perClient = limiter({
    name: 'track-client',
    isEnabled,
    windowMs: WINDOW_MS,
    limit: config.trackRateLimit,
    key: addressKeys(config.jwtSecret, 'track-client').client,
    message: 'Too many tracking attempts; wait a while before trying again',
    skipSuccessfulRequests: true,
  });
  const budgets = intakeBudgets(config);
  const guarded = (schema: typeof TrackInput | typeof TrackMessageInput): RequestHandler[] => [validate(schema), perClient];

  /** A wrong pair (404) feeds the reference's delay; inside the delay the answer is 429. */
  const delayed = async <T>(reference: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      if (isEnabled && err instanceof AppError && err.code === 'NOT_FOUND') await recordWrongCode(reference);
      throw err;
    }
  };

  router.post('/tips/track', ...guarded(TrackInput), async (req, res) => {
    const input = req.body as TrackInput;
    res.json(await delayed(input.reference, () => trackTip(input)));
  });

  router.post('/tips/track/messages', ...guarded(TrackMessageInput), ...budgets.messages, async (req, res) => {
    const input = req.body as TrackMessageInput;
    res.status(201).json({ message: await delayed(input.reference, () => postTrackedMessage(input)) });
  });

  return router;
}
