import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { db, type DbOrTx } from '../../db/client';
import { prepared } from '../../db/prepared';
import { media, tipHistory, tips } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { notFound } from '../../http/errors';
import { decodeCursor, encodeCursor, TimeIdCursor } from '../../lib/cursor';
import { audienceFor, tipsVisibleTo, tipsVisibleToShape } from './tips.policy';
import { presentTip, type TipBundle } from './tips.presenter';
import type { MineQuery } from '@hy/schemas/tips';

export { submitTip } from './submission';

type TipRow = typeof tips.$inferSelect;

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
