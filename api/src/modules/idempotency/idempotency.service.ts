import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Tx } from '../../db/client';
import { idempotencyKeys } from '../../db/schema/index';
import { AppError, validationError } from '../../http/errors';

export const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_\-:.]{8,128}$/, 'Idempotency-Key must be 8–128 letters, digits or - _ : .');

/**
 * An anonymous caller's key is also the secret that unlocks the replay (and its access code):
 * it must be long enough to be random (a UUID is 36 characters), never a counter or a name.
 */
export const ANONYMOUS_KEY_MIN_LENGTH = 32;

export function parseIdempotencyKey(header: string | undefined, opts: { isAnonymous?: boolean } = {}): string | undefined {
  if (header === undefined) return undefined;
  const r = IdempotencyKey.safeParse(header);
  if (!r.success) throw validationError([{ field: 'Idempotency-Key', message: r.error.issues[0].message }]);
  if (opts.isAnonymous && r.data.length < ANONYMOUS_KEY_MIN_LENGTH)
    throw validationError([
      { field: 'Idempotency-Key', message: `an anonymous submission's key must be at least ${ANONYMOUS_KEY_MIN_LENGTH} random characters (e.g. a UUID)` },
    ]);
  return r.data;
}

export const requestHash = (parts: unknown) => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

export type Replay = { status: number; body: unknown };

/**
 * Who owns the key. Anonymous callers share one scope, so their key is stored only as a hash and
 * their stored response is sealed with a key derived from the Idempotency-Key itself: the
 * database alone can never yield an anonymous tipster's access code. The key is the tipster's
 * secret: only the client that generated it (at least 32 random characters, see
 * parseIdempotencyKey) can ever replay the response; docs/anonymity.md.
 */
export type IdempotencyScope = { userId: string } | { anonymous: true };

function storedKey(scope: IdempotencyScope, key: string): { scope: string; key: string } {
  if ('userId' in scope) return { scope: `user:${scope.userId}`, key };
  return { scope: 'anon', key: createHash('sha256').update(`idem-key:${key}`).digest('hex') };
}

function sealKey(key: string): Buffer {
  return createHash('sha256').update(`idem-seal:${key}`).digest();
}

function seal(key: string, body: unknown): { sealed: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(key), iv);
  const ct = Buffer.concat([cipher.update(JSON.stringify(body), 'utf8'), cipher.final()]);
  return { sealed: Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64') };
}

function unseal(key: string, stored: { sealed: string }): unknown {
  const raw = Buffer.from(stored.sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', sealKey(key), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
}

/**
 * Runs `work` at most once per (scope, key) inside one transaction with the idempotency record.
 * The record is inserted first: a concurrent request with the same key blocks on the unique
 * index until the first commits, then replays its stored response. Same key, other body: 422.
 */
export async function once(
  opts: { scope: IdempotencyScope; key: string | undefined; hash: string },
  work: (tx: Tx) => Promise<Replay>,
): Promise<Replay> {
  if (!opts.key) return db.transaction(work);
  const rawKey = opts.key;
  const id = storedKey(opts.scope, rawKey);
  const isAnonymous = 'anonymous' in opts.scope;
  const outcome = await db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(idempotencyKeys)
      .values({ ...id, requestHash: opts.hash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (!claimed) {
      const [prior] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, id.scope), eq(idempotencyKeys.key, id.key)));
      if (!prior || prior.requestHash !== opts.hash) return { mismatch: true as const };
      const body = isAnonymous ? unseal(rawKey, prior.responseBody as { sealed: string }) : prior.responseBody;
      return { replay: { status: prior.responseStatus ?? 200, body } };
    }
    const result = await work(tx);
    await tx
      .update(idempotencyKeys)
      .set({ responseStatus: result.status, responseBody: isAnonymous ? seal(rawKey, result.body) : result.body })
      .where(and(eq(idempotencyKeys.scope, id.scope), eq(idempotencyKeys.key, id.key)));
    return { replay: result };
  });
  if ('mismatch' in outcome) throw mismatch();
  return outcome.replay;
}

/**
 * The idempotency record of a finished request, for a caller that writes it in its own single
 * statement together with the work (tip submission: one round trip, no claim first). The caller
 * inserts it with ON CONFLICT DO NOTHING, writes its rows only if the record was inserted, and
 * otherwise answers with `storedReplay`. Anonymous answers are sealed as in `once`.
 */
export function finishedRecord(opts: { scope: IdempotencyScope; key: string; hash: string; result: Replay }) {
  const id = storedKey(opts.scope, opts.key);
  const body = 'anonymous' in opts.scope ? seal(opts.key, opts.result.body) : opts.result.body;
  return { scope: id.scope, key: id.key, requestHash: opts.hash, responseStatus: opts.result.status, responseBody: body };
}

/**
 * The stored answer for a key another request already used (read after a conflict on the
 * record): the same request replays it; another body under the same key is 422.
 */
export async function storedReplay(opts: { scope: IdempotencyScope; key: string; hash: string }): Promise<Replay> {
  const id = storedKey(opts.scope, opts.key);
  const [prior] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, id.scope), eq(idempotencyKeys.key, id.key)));
  if (!prior || prior.requestHash !== opts.hash) throw mismatch();
  const body = 'anonymous' in opts.scope ? unseal(opts.key, prior.responseBody as { sealed: string }) : prior.responseBody;
  return { status: prior.responseStatus ?? 200, body };
}

const mismatch = () =>
  new AppError('IDEMPOTENCY_MISMATCH', 'This Idempotency-Key was already used for a different request', {
    field: 'Idempotency-Key',
  });

/** How long a key (and its stored answer) is kept: long enough for any retry from a phone. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

/** Deletes keys older than a day (housekeeping). */
export async function purgeIdempotencyKeys(now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
  const rows = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff)).returning({ k: idempotencyKeys.key });
  return rows.length;
}
