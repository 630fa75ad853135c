import { createHmac } from 'node:crypto';
import { isIPv4 } from 'node:net';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Options, type Store } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { Redis } from 'ioredis';
import { clock } from '../lib/clock';
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
  /** RATE_LIMITS=off (config.rateLimits false) turns every budget off: the one switch. */
  isEnabled: boolean;
  windowMs: number;
  limit: number;
  /** Defaults to the client address; the address is kept only in the limiter's window. */
  key?: (req: Request) => string;
  /** Requests this budget does not apply to (e.g. another audience's budget covers them). */
  skip?: (req: Request) => boolean;
  message?: string;
  /** Count only failed requests (brute force), so a caller's own successful checks never lock them out. */
  skipSuccessfulRequests?: boolean;
  /** Count only requests that succeeded, so refused junk from one sender never uses up a shared budget. */
  skipFailedRequests?: boolean;
};

/** A limiter that answers 429 in the contract's error shape with Retry-After. */
export function limiter(spec: LimitSpec): RequestHandler {
  if (!spec.isEnabled) return (_req, _res, next) => next();
  const options: Partial<Options> = {
    windowMs: spec.windowMs,
    limit: spec.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: storeFor(spec.name),
    identifier: spec.name,
    skipSuccessfulRequests: spec.skipSuccessfulRequests ?? false,
    skipFailedRequests: spec.skipFailedRequests ?? false,
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
  if (spec.key) {
    options.keyGenerator = spec.key;
    // Our keys hash the address themselves (addressKeys: ipKeyGenerator for IPv6, /24 and /64).
    options.validate = { keyGeneratorIpFallback: false };
  }
  if (spec.skip) options.skip = spec.skip;
  return rateLimit(options);
}

/** The network of an address: its /24 (IPv4, also IPv4-mapped IPv6) or its /64 (IPv6). */
export function networkOf(ip: string): string {
  const v4 = ipKeyGenerator(ip, false);
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  return ipKeyGenerator(ip, 64);
}

/**
 * Limiter keys for "this client" and "this client's network". They are keyed hashes, never the
 * address itself: not even the rate-limit store (memory, or Redis for one window) holds an
 * anonymous tipster's IP.
 */
export function addressKeys(secret: string, purpose: string) {
  const hash = (value: string) => createHmac('sha256', `${purpose}:${secret}`).update(value).digest('base64url');
  return {
    client: (req: Request) => `c:${hash(ipKeyGenerator(req.ip ?? 'unknown', false))}`,
    network: (req: Request) => `n:${hash(networkOf(req.ip ?? 'unknown'))}`,
  };
}

/**
 * Small shared state beside the limiters (used proof-of-work challenges, per-district rates,
 * per-reference tracking delays): Redis when REDIS_URL is set, so every instance sees the same;
 * else this process. Like the limiters it fails open: a Redis outage never blocks a request.
 * Times come from the clock (tests move it); Redis expiries are set in real milliseconds.
 */
type Entry = { value: number; expiresAt: number };
const MAX_MEMORY_ENTRIES = 100_000;
const memory = new Map<string, Entry>();
const claims = new Map<string, { owner: string; expiresAt: number }>();

function memoryGet(key: string): Entry | undefined {
  const entry = memory.get(key);
  if (entry && entry.expiresAt <= clock.nowMs()) {
    memory.delete(key);
    return undefined;
  }
  return entry;
}

function memorySet(key: string, entry: Entry): void {
  if (memory.size >= MAX_MEMORY_ENTRIES) {
    const now = clock.nowMs();
    for (const [k, e] of memory) if (e.expiresAt <= now) memory.delete(k);
    // Still full: drop the oldest insertions (a Map iterates in insertion order).
    for (const k of memory.keys()) {
      if (memory.size < MAX_MEMORY_ENTRIES) break;
      memory.delete(k);
    }
  }
  memory.set(key, entry);
}

const failOpen = <T>(work: () => Promise<T>, fallback: T): Promise<T> => work().catch(() => fallback);

export const sharedState = {
  /**
   * Claims `key` for `owner` until `ttlMs` from now. True when it was free or is already this
   * owner's (a retry of the same request); false when another owner holds it (a replay).
   */
  claim(key: string, owner: string, ttlMs: number): Promise<boolean> {
    const ttl = Math.max(1, Math.ceil(ttlMs));
    if (redis) {
      const client = redis;
      const k = `${keyPrefix}:claim:${key}`;
      return failOpen(async () => (await client.set(k, owner, 'PX', ttl, 'NX')) === 'OK' || (await client.get(k)) === owner, true);
    }
    const held = claims.get(key);
    if (held && held.expiresAt > clock.nowMs()) return Promise.resolve(held.owner === owner);
    if (claims.size >= MAX_MEMORY_ENTRIES) {
      for (const [k, c] of claims) if (c.expiresAt <= clock.nowMs() || claims.size >= MAX_MEMORY_ENTRIES) claims.delete(k);
    }
    claims.set(key, { owner, expiresAt: clock.nowMs() + ttl });
    return Promise.resolve(true);
  },

  /** Adds 1 to `key` (kept `ttlMs` after the last change) and returns the new value. */
  increment(key: string, ttlMs: number): Promise<number> {
    const ttl = Math.max(1, Math.ceil(ttlMs));
    if (redis) {
      const client = redis;
      const k = `${keyPrefix}:n:${key}`;
      return failOpen(async () => {
        const [[, value]] = (await client.multi().incr(k).pexpire(k, ttl).exec()) as [[Error | null, number]];
        return Number(value);
      }, 0);
    }
    const value = (memoryGet(`n:${key}`)?.value ?? 0) + 1;
    memorySet(`n:${key}`, { value, expiresAt: clock.nowMs() + ttl });
    return Promise.resolve(value);
  },

  /** The number stored under `key` (0 when none). */
  read(key: string): Promise<number> {
    if (redis) {
      const client = redis;
      return failOpen(async () => Number((await client.get(`${keyPrefix}:n:${key}`)) ?? 0), 0);
    }
    return Promise.resolve(memoryGet(`n:${key}`)?.value ?? 0);
  },

  /** Stores a number under `key` for `ttlMs`. */
  write(key: string, value: number, ttlMs: number): Promise<void> {
    const ttl = Math.max(1, Math.ceil(ttlMs));
    if (redis) {
      const client = redis;
      return failOpen(async () => void (await client.set(`${keyPrefix}:n:${key}`, String(value), 'PX', ttl)), undefined);
    }
    memorySet(`n:${key}`, { value, expiresAt: clock.nowMs() + ttl });
    return Promise.resolve();
  },
};

/**
 * Events per `windowMs` under `key`, as a sliding estimate over two fixed windows (the current
 * one plus the share of the previous one still inside the window).
 */
export const slidingCount = {
  async add(key: string, windowMs: number): Promise<number> {
    const slot = Math.floor(clock.nowMs() / windowMs);
    await sharedState.increment(`${key}:${slot}`, windowMs * 2);
    return this.read(key, windowMs);
  },
  async read(key: string, windowMs: number): Promise<number> {
    const now = clock.nowMs();
    const slot = Math.floor(now / windowMs);
    const [current, previous] = await Promise.all([sharedState.read(`${key}:${slot}`), sharedState.read(`${key}:${slot - 1}`)]);
    return current + previous * (1 - (now % windowMs) / windowMs);
  },
};
