import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { clock } from '../../lib/clock';

/**
 * The shared top N of a board, kept a few seconds. It changes a few times a minute while every
 * volunteer who opens the page asks for it, so the statement runs once per board and expiry (or
 * change) instead of once per request.
 *
 * Entries are grouped under a *version*: one per board kind, period, period start and place
 * (`city` or a district — a community's boards fall under its district). The points module bumps
 * the versions an award touches once its transaction has committed (`invalidate`); an entry
 * stored under an older version is never served again. Computing under the version read before
 * the statement, and storing only under it, closes the race with an award committing meanwhile:
 * that entry is already old when it lands.
 *
 * In this process by default; with REDIS_URL in Redis (one MGET per read, entry and version
 * together), so every instance serves the same top N and sees another's invalidation at once.
 * Redis failing is never a request failing: the board is then computed as if nothing were cached.
 *
 * A caller's own standing (`withOwn`) is kept too, in this process, under the same version: it
 * changes only with an award in the board's scope, which bumps that version, so an entry is served
 * only while no award has committed since it was read — exact, like reading it anew (issue 14: the
 * two or three statements of one's own rank were most of a cached board request's cost). With
 * Redis the version is the one just read from Redis, so another instance's award is seen as well.
 */
export type BoardTop<Row> = { computedAt: string; rows: Row[] };
export type BoardKey = { version: string; entry: string };

/** How long a top N is served without a change: the "few seconds" of the contract (docs/api.md). */
export const BOARD_TTL_MS = 5_000;
/** Entries kept in memory at most (boards of 2,760 communities × 3 periods × kinds fit easily). */
const MAX_MEMORY_ENTRIES = 20_000;
/** A version key outlives every entry stored under it by far; a version that expired restarts at 0, which no live entry carries. */
const VERSION_TTL_MS = 24 * 3600_000;

type MemoryEntry = { version: number; expiresAt: number; top: BoardTop<unknown> };
type OwnEntry = { version: string; expiresAt: number; value: unknown };

/** How long one's own standing is kept at most: exactness comes from the version; this bounds memory held by people who left. */
const OWN_TTL_MS = 60_000;
/** Own standings kept at most (a small object each). */
const MAX_OWN_ENTRIES = 100_000;

export class BoardCache {
  private redis: Redis | undefined;
  private prefix = 'hy:board';
  private log: Logger | undefined;
  private readonly versions = new Map<string, number>();
  private readonly entries = new Map<string, MemoryEntry>();
  /** One computation per entry and version at a time in this process, whoever asks meanwhile. */
  private readonly computing = new Map<string, Promise<BoardTop<unknown>>>();
  private readonly own = new Map<string, OwnEntry>();

  constructor(private readonly ttlMs = BOARD_TTL_MS) {}

  /** Redis when `redisUrl` is given (shared by every instance), else this process. */
  configure(opts: { redisUrl?: string; prefix?: string; log?: Logger }): void {
    void this.redis?.quit().catch(() => undefined);
    this.prefix = opts.prefix ?? 'hy:board';
    this.log = opts.log;
    this.redis = opts.redisUrl ? new Redis(opts.redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
    this.redis?.on('error', () => undefined);
    this.clear();
  }

  async close(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
    this.redis = undefined;
  }

  /** Forgets every entry kept in this process (tests that empty the database). */
  clear(): void {
    this.versions.clear();
    this.entries.clear();
    this.own.clear();
  }

  /** The cached top N under `key`, or `compute()`'s answer, stored for the next callers. */
  async top<Row>(key: BoardKey, compute: () => Promise<Row[]>): Promise<BoardTop<Row>> {
    return (this.redis ? this.fromRedis(this.redis, key, compute) : this.fromMemory(key, compute)) as Promise<BoardTop<Row>>;
  }

  /**
   * The top N as `top` gives it, and the caller's own standing under `ownKey`, kept in this process
   * under the board's current version (see above); computed by `computeOwn` when unknown or old.
   */
  async withOwn<Row, Own>(key: BoardKey, compute: () => Promise<Row[]>, ownKey: string, computeOwn: () => Promise<Own>): Promise<[BoardTop<Row>, Own]> {
    if (!this.redis) {
      const version = String(this.versions.get(key.version) ?? 0);
      return Promise.all([this.fromMemory(key, compute) as Promise<BoardTop<Row>>, this.ownUnder(`${key.entry}|${ownKey}`, version, computeOwn, () => String(this.versions.get(key.version) ?? 0))]);
    }
    const read = await this.readRedis(this.redis, key);
    if (!read) return Promise.all([this.computeTop(compute) as Promise<BoardTop<Row>>, computeOwn()]);
    const version = `r${read.version}`;
    return Promise.all([
      (read.top ?? this.storeInRedis(this.redis, key, read.version, compute)) as Promise<BoardTop<Row>>,
      // An award's invalidation reaches Redis, not this process: the entry is checked against the version read next time.
      this.ownUnder(`${key.entry}|${ownKey}`, version, computeOwn, () => version),
    ]);
  }

  private async ownUnder<Own>(id: string, version: string, compute: () => Promise<Own>, versionNow: () => string): Promise<Own> {
    const now = performance.now();
    const hit = this.own.get(id);
    if (hit && hit.version === version && hit.expiresAt > now) return hit.value as Own;
    const value = await compute();
    // Stored only if no award committed while the statements ran (the answer is still served: it was exact when read).
    if (versionNow() === version) {
      if (this.own.size >= MAX_OWN_ENTRIES) evict(this.own, MAX_OWN_ENTRIES);
      this.own.delete(id);
      this.own.set(id, { version, expiresAt: performance.now() + OWN_TTL_MS, value });
    }
    return value;
  }

  /** After a commit that changed these boards: entries under the versions are old from now on. */
  invalidate(versions: string[]): void {
    if (versions.length === 0) return;
    if (!this.redis) {
      for (const v of versions) this.versions.set(v, (this.versions.get(v) ?? 0) + 1);
      return;
    }
    const multi = this.redis.multi();
    for (const v of versions) multi.incr(this.versionKey(v)).pexpire(this.versionKey(v), VERSION_TTL_MS);
    multi.exec().catch((err: Error) => this.log?.warn({ err: { message: err.message } }, 'board cache: invalidation not sent to Redis'));
  }

  private async fromMemory(key: BoardKey, compute: () => Promise<unknown[]>): Promise<BoardTop<unknown>> {
    const version = this.versions.get(key.version) ?? 0;
    const now = performance.now();
    const hit = this.entries.get(key.entry);
    if (hit && hit.version === version && hit.expiresAt > now) return hit.top;
    return this.once(`${key.entry}#${version}`, async () => {
      const top = await this.computeTop(compute);
      // Stored only if no invalidation came while the statement ran.
      if ((this.versions.get(key.version) ?? 0) === version) this.remember(key.entry, { version, expiresAt: performance.now() + this.ttlMs, top });
      return top;
    });
  }

  private async fromRedis(redis: Redis, key: BoardKey, compute: () => Promise<unknown[]>): Promise<BoardTop<unknown>> {
    const read = await this.readRedis(redis, key);
    if (!read) return this.computeTop(compute);
    return read.top ?? this.storeInRedis(redis, key, read.version, compute);
  }

  /** The board's version and, if stored under it, its top N — one MGET; null when Redis does not answer. */
  private async readRedis(redis: Redis, key: BoardKey): Promise<{ version: string; top: BoardTop<unknown> | null } | null> {
    try {
      const [v, stored] = await redis.mget(this.versionKey(key.version), this.entryKey(key));
      const version = v ?? '0';
      const entry = stored ? (JSON.parse(stored) as { v: string; top: BoardTop<unknown> }) : null;
      return { version, top: entry?.v === version ? entry.top : null };
    } catch (err) {
      this.log?.warn({ err: { message: (err as Error).message } }, 'board cache: Redis unavailable, computing the board');
      return null;
    }
  }

  private storeInRedis(redis: Redis, key: BoardKey, version: string, compute: () => Promise<unknown[]>): Promise<BoardTop<unknown>> {
    return this.once(`${key.entry}#${version}`, async () => {
      const top = await this.computeTop(compute);
      // Under the version read before the statement: if an award committed meanwhile, the entry is born old.
      redis.set(this.entryKey(key), JSON.stringify({ v: version, top }), 'PX', this.ttlMs).catch(() => undefined);
      return top;
    });
  }

  private entryKey(key: BoardKey): string {
    return `${this.prefix}:top:${key.entry}`;
  }

  private async computeTop(compute: () => Promise<unknown[]>): Promise<BoardTop<unknown>> {
    // The time before the statement: the rows are at least this fresh.
    const computedAt = clock.now().toISOString();
    return { computedAt, rows: await compute() };
  }

  private once(id: string, work: () => Promise<BoardTop<unknown>>): Promise<BoardTop<unknown>> {
    let running = this.computing.get(id);
    if (!running) {
      running = work().finally(() => this.computing.delete(id));
      this.computing.set(id, running);
    }
    return running;
  }

  private remember(entry: string, value: MemoryEntry): void {
    if (this.entries.size >= MAX_MEMORY_ENTRIES) evict(this.entries, MAX_MEMORY_ENTRIES);
    this.entries.set(entry, value);
  }

  private versionKey(version: string): string {
    return `${this.prefix}:v:${version}`;
  }
}

/** Room for one more entry: the expired ones go first, then the oldest. */
function evict(map: Map<string, { expiresAt: number }>, max: number): void {
  const now = performance.now();
  for (const [k, e] of map) if (e.expiresAt <= now) map.delete(k);
  for (const k of map.keys()) {
    if (map.size < max) break;
    map.delete(k);
  }
}

/** The process's board cache, configured at start (runtime.ts). */
export const boardCache = new BoardCache();

export type BoardKind = 'volunteers' | 'communities';

/** The version a board's entries fall under: its kind, period, start and place (null: city-wide). */
export function boardVersion(kind: BoardKind, period: string, periodStart: string, districtId: number | null): string {
  return `${kind}|${period}|${periodStart}|${districtId === null ? 'city' : `d${districtId}`}`;
}
