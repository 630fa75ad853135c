import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { db, type DbOrTx } from '../../db/client';
import { prepared } from '../../db/prepared';
import { communities, media, tipHistory, tips } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { forbidden, notFound, validationError } from '../../http/errors';
import { decodeCursor, encodeCursor, TimeIdCursor } from '../../lib/cursor';
import { hashPassword } from '../auth/passwords';
import { once, requestHash, type Replay } from '../idempotency/idempotency.service';
import { sha256OfFile } from '../media/images';
import { storePhotos, type StoredPhoto } from '../media/stored-photos';
import type { Upload } from '../media/upload';
import { districtExists } from '../reference/reference.service';
import { nextTipReference } from './reference';
import { audienceFor, tipsVisibleTo, tipsVisibleToShape } from './tips.policy';
import { presentTip, type TipBundle } from './tips.presenter';
import type { CreateTip, MineQuery } from '@hy/schemas/tips';

type TipRow = typeof tips.$inferSelect;

/** 20 characters of Crockford base32: 100 bits, easy to read aloud and write down. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function newAccessCode(): string {
  const bytes = randomBytes(20);
  let code = '';
  for (const b of bytes) code += CODE_ALPHABET[b & 31];
  return code.replace(/(.{5})(?=.)/g, '$1-');
}

export async function loadBundles(tx: DbOrTx, rows: TipRow[]): Promise<TipBundle[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((t) => t.id);
  const dupIds = rows.map((t) => t.duplicateOfId).filter((x): x is string => x !== null);
  // One after another: a transaction is one connection, and pg refuses overlapping queries on it.
  const mediaRows = await tx.select().from(media).where(inArray(media.tipId, ids)).orderBy(asc(media.position));
  const historyRows = await tx
    .select()
    .from(tipHistory)
    .where(inArray(tipHistory.tipId, ids))
    .orderBy(asc(tipHistory.createdAt), asc(tipHistory.id));
  const dupRows = dupIds.length
    ? await tx.select({ id: tips.id, reference: tips.reference, status: tips.status }).from(tips).where(inArray(tips.id, dupIds))
    : [];
  return rows.map((tip) => {
    const dup = dupRows.find((d) => d.id === tip.duplicateOfId);
    return {
      tip,
      media: mediaRows.filter((m) => m.tipId === tip.id),
      history: historyRows.filter((h) => h.tipId === tip.id),
      duplicateOf: dup ? { reference: dup.reference, status: dup.status } : null,
    };
  });
}

/**
 * A volunteer's or an anonymous tipster's report. Photos (temp files of the upload) are checked
 * and re-encoded into temp files before anything is stored; those are renamed to their keys
 * before the transaction, and removed again if it does not commit (or if it turns out to be a
 * replay), so nothing is ever half-written.
 */
export async function submitTip(opts: {
  actor: Actor | undefined;
  input: CreateTip;
  photos: Upload[];
  idempotencyKey: string | undefined;
  /** More rows of the same submission (e.g. how it arrived), written in the tip's transaction. */
  also?: (tx: DbOrTx, tipId: string) => Promise<void>;
}): Promise<Replay> {
  const { actor, input, photos } = opts;
  if (actor && actor.role !== 'volunteer') throw forbidden('Only volunteers report tips from an account');
  if (!(await districtExists(input.districtId)))
    throw validationError([{ field: 'districtId', message: 'no such district' }]);

  const hash = requestHash({
    input: { ...input, occurredAt: input.occurredAt.toISOString() },
    photos: await Promise.all(photos.map((p) => sha256OfFile(p.path))),
  });

  const stored = await storePhotos(photos);
  try {
    const { replay, isNew } = await insertTip({ actor, input, idempotencyKey: opts.idempotencyKey, hash, photos: stored.photos, also: opts.also });
    if (!isNew) await stored.discard();
    return replay;
  } catch (err) {
    await stored.discard();
    throw err;
  }
}

/** The tip, its photos' rows and its first history entry, in one transaction (or the replay of a key). */
async function insertTip(opts: {
  actor: Actor | undefined;
  input: CreateTip;
  idempotencyKey: string | undefined;
  hash: string;
  photos: StoredPhoto[];
  also?: (tx: DbOrTx, tipId: string) => Promise<void>;
}): Promise<{ replay: Replay; isNew: boolean }> {
  const { actor, input, photos, hash } = opts;
  const isAnonymous = !actor;
  const accessCode = isAnonymous ? newAccessCode() : undefined;
  const [reference, accessCodeHash] = await Promise.all([
    nextTipReference(),
    accessCode ? hashPassword(accessCode) : Promise.resolve(null),
  ]);
  // The reporter's community from the token, kept only if it exists — checked inside the INSERT
  // rather than by a query of its own (one round trip less per submission).
  const communityId =
    actor?.communityId != null
      ? sql<number | null>`(SELECT ${communities.id} FROM ${communities} WHERE ${communities.id} = ${actor.communityId})`
      : null;

  let isNew = false;
  const replay = await once(
    { scope: actor ? { userId: actor.id } : { anonymous: true }, key: opts.idempotencyKey, hash },
    async (tx) => {
      isNew = true;
      const now = new Date();
      const [tip] = await tx
        .insert(tips)
        .values({
          reference,
          reporterId: actor?.id ?? null,
          isAnonymous,
          accessCodeHash,
          category: input.category,
          description: input.description,
          occurredAt: input.occurredAt,
          lat: input.lat ?? null,
          lng: input.lng ?? null,
          address: input.address ?? null,
          districtId: input.districtId,
          communityId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const mediaRows = photos.length
        ? await tx
            .insert(media)
            .values(
              photos.map((p, i) => ({
                tipId: tip.id,
                storageKey: p.storageKey,
                mimeType: p.mimeType,
                bytes: p.bytes,
                width: p.width,
                height: p.height,
                sha256: p.sha256,
                position: i,
              })),
            )
            .returning()
        : [];
      const history = await tx
        .insert(tipHistory)
        .values({
          tipId: tip.id,
          kind: 'status',
          toStatus: 'submitted',
          actorRole: 'reporter',
          createdAt: now,
        })
        .returning();
      if (opts.also) await opts.also(tx, tip.id);
      // A new tip's bundle is exactly what was just written: no read-back queries.
      const bundle: TipBundle = { tip, media: mediaRows, history, duplicateOf: null };
      return { status: 201, body: { tip: presentTip(bundle, 'reporter'), ...(accessCode ? { accessCode } : {}) } };
    },
  );
  return { replay, isNew };
}

/** The reporter's own tips, newest first, keyset-paginated. */
export async function listMyTips(actor: Actor, q: MineQuery) {
  const after = decodeCursor(TimeIdCursor, q.cursor);
  const rows = await db
    .select()
    .from(tips)
    .where(
      and(
        eq(tips.reporterId, actor.id),
        after
          ? or(lt(tips.createdAt, new Date(after.t)), and(eq(tips.createdAt, new Date(after.t)), lt(tips.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(tips.createdAt), desc(tips.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const bundles = await loadBundles(db, page);
  return {
    tips: bundles.map((b) => presentTip(b, 'reporter')),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ t: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

/** A tip through the actor's scope: not found when it is not theirs to see. */
export async function getTip(actor: Actor, id: string): Promise<TipRow> {
  const [tip] = await db.select().from(tips).where(and(eq(tips.id, id), tipsVisibleTo(actor)));
  if (!tip) throw notFound('Tip');
  return tip;
}

/** The tip view's reads, prepared (db/prepared): the tip through each shape of the actor's scope, then its media, history and original. */
const tipInScope = (shape: string, where: SQL) =>
  prepared(`tip_view_${shape}`, (db, name) =>
    db
      .select()
      .from(tips)
      .where(and(eq(tips.id, sql.placeholder('id')), where))
      .prepare(name),
  );
const tipInScopeByShape = new Map<string, ReturnType<typeof tipInScope>>();
const tipMedia = prepared('tip_view_media', (db, name) =>
  db.select().from(media).where(eq(media.tipId, sql.placeholder('id'))).orderBy(asc(media.position)).prepare(name),
);
const tipHistoryOf = prepared('tip_view_history', (db, name) =>
  db
    .select()
    .from(tipHistory)
    .where(eq(tipHistory.tipId, sql.placeholder('id')))
    .orderBy(asc(tipHistory.createdAt), asc(tipHistory.id))
    .prepare(name),
);
const tipOriginal = prepared('tip_view_original', (db, name) =>
  db
    .select({ reference: tips.reference, status: tips.status })
    .from(tips)
    .where(eq(tips.id, sql.placeholder('id')))
    .prepare(name),
);

export async function viewTip(actor: Actor, id: string) {
  const visible = tipsVisibleToShape(actor);
  let statement = tipInScopeByShape.get(visible.shape);
  if (!statement) {
    statement = tipInScope(visible.shape, visible.where);
    tipInScopeByShape.set(visible.shape, statement);
  }
  const [tip] = await statement().execute({ id, ...visible.values });
  if (!tip) throw notFound('Tip');
  // Outside a transaction: the three reads run side by side on the pool.
  const [mediaRows, history, [original]] = await Promise.all([
    tipMedia().execute({ id }),
    tipHistoryOf().execute({ id }),
    tip.duplicateOfId ? tipOriginal().execute({ id: tip.duplicateOfId }) : Promise.resolve([]),
  ]);
  return presentTip({ tip, media: mediaRows, history, duplicateOf: original ?? null }, audienceFor(actor, tip), actor);
}

export async function getTipMedia(actor: Actor, tipId: string, mediaId: string) {
  await getTip(actor, tipId);
  const [m] = await db
    .select()
    .from(media)
    .where(and(eq(media.id, mediaId), eq(media.tipId, tipId), isNull(media.purgedAt)));
  if (!m) throw notFound('Photo');
  return m;
}

/**
 * What an auxiliary police officer sees of tips they are asked to check on site: what, where,
 * when and the photos — never who reported it, nor any id that leads there. Access is the
 * caller's business (the verifications module checks the task is the auxiliary's).
 */
export async function fieldCheckBriefs(ids: string[]) {
  if (!ids.length) return new Map<string, FieldCheckBrief>();
  const rows = await db
    .select({
      id: tips.id,
      category: tips.category,
      description: tips.description,
      occurredAt: tips.occurredAt,
      lat: tips.lat,
      lng: tips.lng,
      address: tips.address,
    })
    .from(tips)
    .where(inArray(tips.id, ids));
  const photos = await db
    .select({ id: media.id, tipId: media.tipId, width: media.width, height: media.height })
    .from(media)
    .where(and(inArray(media.tipId, ids), isNull(media.purgedAt)))
    .orderBy(asc(media.position));
  return new Map<string, FieldCheckBrief>(
    rows.map(({ id, ...r }) => [id, { ...r, photos: photos.filter((p) => p.tipId === id).map(({ tipId: _t, ...p }) => p) }]),
  );
}
export type FieldCheckBrief = {
  category: string;
  description: string;
  occurredAt: Date;
  lat: number | null;
  lng: number | null;
  address: string | null;
  photos: { id: string; width: number; height: number }[];
};

/** One photo of a tip (not purged), for a caller that has already checked access to the tip. */
export async function findTipPhoto(tipId: string, mediaId: string) {
  const [m] = await db
    .select()
    .from(media)
    .where(and(eq(media.id, mediaId), eq(media.tipId, tipId), isNull(media.purgedAt)));
  return m ?? null;
}
