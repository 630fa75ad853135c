import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { users, verificationPhotos, verifications } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { notFound } from '../../http/errors';
import { clock } from '../../lib/clock';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { findCommunities } from '../reference/places.service';
import { fieldCheckBriefs, findTipPhoto, getTip } from '../tips/tips.service';
import { presentForPolice, presentTask, type PhotoRow, type TaskRow } from './verifications.presenter';
import { tasksVisibleTo } from './verifications.policy';
import { TaskCursor, type MyVerificationsQuery } from '@hy/schemas/verifications';

async function photosOf(ids: string[]): Promise<Map<string, PhotoRow[]>> {
  const rows = ids.length
    ? await db
        .select()
        .from(verificationPhotos)
        .where(and(inArray(verificationPhotos.verificationId, ids), isNull(verificationPhotos.purgedAt)))
        .orderBy(asc(verificationPhotos.position))
    : [];
  return new Map(ids.map((id) => [id, rows.filter((p) => p.verificationId === id)]));
}

async function namesOf(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((u) => [u.id, u.displayName]));
}

/** Police view of tasks: who was asked, by whom, the finding and its photos. */
async function presentAllForPolice(rows: TaskRow[]) {
  const [photos, names, places] = await Promise.all([
    photosOf(rows.map((r) => r.id)),
    namesOf(rows.flatMap((r) => [r.assignedToId, r.requestedById, r.reportedById])),
    findCommunities(rows.map((r) => r.communityId)),
  ]);
  const now = clock.now();
  return rows.map((r) => presentForPolice(r, { photos: photos.get(r.id) ?? [], names, community: places.get(r.communityId) ?? null, now }));
}

export async function policeViewOf(id: string) {
  const rows = await db.select().from(verifications).where(eq(verifications.id, id));
  const [view] = await presentAllForPolice(rows);
  return view;
}

/** A tip's checks, newest first, for police of its district (404 through the tips scope otherwise). */
export async function listForTip(actor: Actor, tipId: string) {
  const tip = await getTip(actor, tipId);
  const rows = await db
    .select()
    .from(verifications)
    .where(eq(verifications.tipId, tip.id))
    .orderBy(desc(verifications.createdAt), desc(verifications.id));
  return { verifications: await presentAllForPolice(rows) };
}

/** The auxiliary's view: the task and what to check, never who reported the tip. */
async function presentAllForAuxiliary(rows: TaskRow[]) {
  const [briefs, photos, places] = await Promise.all([
    fieldCheckBriefs(rows.map((r) => r.tipId)),
    photosOf(rows.map((r) => r.id)),
    findCommunities(rows.map((r) => r.communityId)),
  ]);
  const now = clock.now();
  return rows.map((r) =>
    presentTask(r, { brief: briefs.get(r.tipId) ?? null, photos: photos.get(r.id) ?? [], community: places.get(r.communityId) ?? null, now }),
  );
}

/**
 * The auxiliary's own community's tasks: open ones soonest due first, reported ones newest first,
 * keyset-paged along verifications_community_open_idx / _reported_idx.
 */
export async function listMine(actor: Actor, q: MyVerificationsQuery) {
  const after = decodeCursor(TaskCursor, q.cursor);
  const isOpen = q.status === 'open';
  const at = after ? new Date(after.t) : undefined;
  const rows = await db
    .select()
    .from(verifications)
    .where(
      and(
        tasksVisibleTo(actor),
        eq(verifications.status, q.status),
        after && at
          ? isOpen
            ? or(gt(verifications.dueAt, at), and(eq(verifications.dueAt, at), gt(verifications.id, after.id)))
            : or(lt(verifications.reportedAt, at), and(eq(verifications.reportedAt, at), lt(verifications.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(
      ...(isOpen
        ? [asc(verifications.dueAt), asc(verifications.id)]
        : // as verifications_community_reported_idx stores it, so the index gives the order
          [sql`${verifications.reportedAt} DESC NULLS LAST`, sql`${verifications.id} DESC NULLS LAST`]),
    )
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    verifications: await presentAllForAuxiliary(page),
    nextCursor:
      rows.length > q.limit && last ? encodeCursor({ t: (isOpen ? last.dueAt : last.reportedAt!).toISOString(), id: last.id }) : null,
  };
}

/** One task of the auxiliary's community (404 for any other). */
export async function findTask(actor: Actor, id: string): Promise<TaskRow> {
  const [row] = await db.select().from(verifications).where(and(eq(verifications.id, id), tasksVisibleTo(actor)));
  if (!row) throw notFound('Verification');
  return row;
}

export async function viewTask(actor: Actor, id: string) {
  const [view] = await presentAllForAuxiliary([await findTask(actor, id)]);
  return view;
}

/** A photo of the tip, for the auxiliary asked to check it. */
export async function taskTipPhoto(actor: Actor, id: string, mediaId: string) {
  const task = await findTask(actor, id);
  const photo = await findTipPhoto(task.tipId, mediaId);
  if (!photo) throw notFound('Photo');
  return photo;
}

/**
 * A photo of a report: for the auxiliary of the task's community, or police who can see the tip
 * (the tips scope: their district's, admins all). Route-level roles keep volunteers out, so a
 * reporter never sees it through their own tip.
 */
export async function reportPhoto(actor: Actor, id: string, photoId: string) {
  const task =
    actor.role === 'auxiliary'
      ? await findTask(actor, id)
      : (await db.select().from(verifications).where(eq(verifications.id, id)))[0];
  if (!task) throw notFound('Verification');
  if (actor.role !== 'auxiliary') await getTip(actor, task.tipId);
  const [photo] = await db
    .select()
    .from(verificationPhotos)
    .where(and(eq(verificationPhotos.id, photoId), eq(verificationPhotos.verificationId, task.id), isNull(verificationPhotos.purgedAt)));
  if (!photo) throw notFound('Photo');
  return photo;
}
