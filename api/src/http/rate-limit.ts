import type { RequestHandler } from 'express';
import { rateLimit, type Options, type Store } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { Redis } from 'ioredis';
import { AppError } from './errors';

let redis: Redis | undefined;
let keyPrefix = 'rl';

/**
 * Uses Redis when REDIS_URL is set (shared across instances), else the in-process store.
 * `prefix` namespaces the keys (tests use one per run).
 */
export function configureRateLimitStore(redisUrl: string | undefined, prefix = 'rl'): void {
  keyPrefix = prefix;
  redis = redisUrl ? new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 }) : undefined;
  // A Redis outage is logged by the limiter's store errors; this only keeps ioredis from
  // printing "unhandled error event" on every reconnection attempt.
  redis?.on('error', () => undefined);
}

export async function closeRateLimitStore(): Promise<void> {
  await redis?.quit().catch(() => undefined);
  redis = undefined;
}

function storeFor(prefix: string): Store | undefined {
  if (!redis) return undefined;
  const client = redis;
  return new RedisStore({
    prefix: `${keyPrefix}:${prefix}:`,
    sendCommand: (command: string, ...args: string[]) =>
      client.call(command, ...args) as Promise<RedisReply>,
  });
}

export type LimitSpec = {
  name: string;
  windowMs: number;
  limit: number;
  /** Defaults to the client address; the address is kept only in the limiter's window. */
  key?: (req: Parameters<RequestHandler>[0]) => string;
  message?: string;
  /** Count only failed requests (brute force), so a caller's own successful checks never lock them out. */
  skipSuccessfulRequests?: boolean;
};

/** A limiter that answers 429 in the contract's error shape with Retry-After. */
export function limiter(spec: LimitSpec): RequestHandler {
  const options: Partial<Options> = {
    windowMs: spec.windowMs,
    limit: spec.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: storeFor(spec.name),
    identifier: spec.name,
    skipSuccessfulRequests: spec.skipSuccessfulRequests ?? false,
    // A Redis outage must not lock every volunteer out of signing in: fail open (the library
    // logs the store error) rather than answer 500 to everyone.
    passOnStoreError: true,
    handler: (req, res, next) => {
      const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime?.getTime();
      const seconds = Math.max(1, Math.ceil(((reset ?? Date.now() + spec.windowMs) - Date.now()) / 1000));
      next(
        new AppError('RATE_LIMITED', spec.message ?? 'Too many attempts; try again later', { retryAfterSeconds: seconds }, {
          'Retry-After': String(seconds),
        }),
      );
    },
  };
  if (spec.key) options.keyGenerator = spec.key;
  return rateLimit(options);
}
