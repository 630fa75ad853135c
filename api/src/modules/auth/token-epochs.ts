import { performance } from 'node:perf_hooks';
import { gt } from 'drizzle-orm';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { db } from '../../db/client';
import { users } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { clock } from '../../lib/clock';
import { ACCESS_TTL_SECONDS } from './tokens';

/**
 * Revoking access tokens that are already out (disable, role change, password reset or change)
 * without a query per request.
 *
 * Every user has a `token_epoch`, copied into each access token (`ep`). Revoking bumps it and
 * stamps `token_epoch_changed_at`. A token is refused when its epoch is below the user's. Only
 * changes younger than an access token's life (plus a minute of skew) can matter — every token
 * issued before an older change has expired anyway — so each process keeps just those users, a
 * handful of rows, in memory: reloaded with ONE query when older than `maxAgeMs` (whatever the
 * request rate), updated at once when this process makes a change, and — with REDIS_URL — when
 * another process announces one on a pub/sub channel. A change made by another instance is thus
 * seen within `maxAgeMs` (default 2 s) without Redis, and within the pub/sub latency with it.
 */
export const EPOCH_WINDOW_MS = (ACCESS_TTL_SECONDS + 60) * 1000;
const CHANNEL = 'hy:token-epochs';

type Change = { epoch: number; at: number };

export class EpochCache {
  private recent = new Map<string, Change>();
  /** performance.now() when the last load started; -Infinity = never loaded. */
  private loadedAt = -Infinity;
  private loading: Promise<void> | null = null;
  private publisher: Redis | undefined;
  private subscriber: Redis | undefined;
  private channel = CHANNEL;

  constructor(private maxAgeMs = 2000) {}

  setMaxAgeMs(ms: number): void {
    this.maxAgeMs = ms;
  }

  /** Resolves to false when the token was issued before its user's latest revocation. */
  async isCurrent(actor: Pick<Actor, 'id' | 'epoch'>): Promise<boolean> {
    if (performance.now() - this.loadedAt >= this.maxAgeMs) {
      // single flight: one query per process per maxAgeMs, shared by every waiting request
      this.loading ??= this.load().finally(() => {
        this.loading = null;
      });
      await this.loading;
    }
    const change = this.recent.get(actor.id);
    return change === undefined || actor.epoch >= change.epoch;
  }

  /** After the change committed: effective in this process at once, announced to the others. */
  changed(userId: string, epoch: number, at: Date): void {
    this.note(userId, { epoch, at: at.getTime() });
    this.publisher?.publish(this.channel, JSON.stringify({ u: userId, e: epoch, t: at.getTime() })).catch(() => undefined);
  }

  /**
   * Starts listening to other instances' changes (REDIS_URL); without it the reload bounds
   * staleness. Resolves once subscribed (start-up does not wait: Redis may come later).
   */
  async connect(redisUrl: string | undefined, log?: Logger, channel = CHANNEL): Promise<void> {
    this.channel = channel;
    if (!redisUrl) return;
    this.publisher = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
    this.subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
    // A Redis outage only widens staleness back to maxAgeMs; never an unhandled error event.
    this.publisher.on('error', () => undefined);
    this.subscriber.on('error', (err) => log?.warn({ err: { message: err.message } }, 'token epoch channel unavailable'));
    this.subscriber.on('message', (_channel, message) => {
      const m = parseMessage(message);
      if (m) this.note(m.u, { epoch: m.e, at: m.t });
    });
    await this.subscriber.subscribe(this.channel).catch(() => undefined);
  }

  async close(): Promise<void> {
    await Promise.all([this.publisher?.quit().catch(() => undefined), this.subscriber?.quit().catch(() => undefined)]);
    this.publisher = this.subscriber = undefined;
  }

  private note(userId: string, change: Change): void {
    const known = this.recent.get(userId);
    if (!known || known.epoch < change.epoch) this.recent.set(userId, change);
  }

  private async load(): Promise<void> {
    const started = performance.now();
    const since = clock.nowMs() - EPOCH_WINDOW_MS;
    const rows = await db
      .select({ id: users.id, epoch: users.tokenEpoch, at: users.tokenEpochChangedAt })
      .from(users)
      .where(gt(users.tokenEpochChangedAt, new Date(since)));
    // Keep what was noted locally or by pub/sub meanwhile (the query may have read before it committed).
    const kept = new Map([...this.recent].filter(([, c]) => c.at > since));
    this.recent = kept;
    for (const r of rows) this.note(r.id, { epoch: r.epoch, at: r.at!.getTime() });
    this.loadedAt = started;
  }
}

function parseMessage(text: string): { u: string; e: number; t: number } | null {
  try {
    const m = JSON.parse(text) as { u?: unknown; e?: unknown; t?: unknown };
    if (typeof m.u === 'string' && Number.isInteger(m.e) && Number.isFinite(m.t)) return m as { u: string; e: number; t: number };
  } catch {
    // ignore anything that is not ours
  }
  return null;
}

/** The process's cache, used by authentication. */
export const tokenEpochs = new EpochCache();
