import type { CategoryId } from '@hy/schemas/categories';
import type { PoliceVerification, VerificationTask } from '@hy/schemas/verifications';
import type { Presented } from '@hy/schemas/presented';
import type { verificationPhotos, verifications } from '../../db/schema/index';
import type { FieldCheckBrief } from '../tips/tips.service';
import { isOverdue } from './verifications.policy';

export type TaskRow = typeof verifications.$inferSelect;
export type PhotoRow = typeof verificationPhotos.$inferSelect;
type Community = { id: number; districtId: number; nameZh: string; nameEn: string } | null;

const presentPhoto = (taskId: string, p: PhotoRow) => ({
  id: p.id,
  url: `/api/verifications/${taskId}/photos/${p.id}`,
  width: p.width,
  height: p.height,
});

const stateOf = (r: TaskRow, now: Date) => (r.status === 'reported' ? 'reported' : isOverdue(r, now) ? 'overdue' : 'pending');

const presentCommunity = (c: Community) => (c ? { id: c.id, nameZh: c.nameZh, nameEn: c.nameEn } : null);

/** Police: the whole task, with who was asked and who asked (names only of staff). */
export function presentForPolice(
  r: TaskRow,
  o: { photos: PhotoRow[]; names: Map<string, string>; community: Community; now: Date },
): Presented<PoliceVerification> {
  const person = (id: string | null) => (id === null ? null : { id, displayName: o.names.get(id) ?? null });
  return {
    id: r.id,
    tipId: r.tipId,
    status: r.status,
    state: stateOf(r, o.now),
    community: presentCommunity(o.community),
    assignedTo: person(r.assignedToId),
    requestedBy: person(r.requestedById),
    note: r.note,
    dueAt: r.dueAt,
    createdAt: r.createdAt,
    finding: r.finding,
    reportNote: r.reportNote,
    reportedBy: person(r.reportedById),
    reportedAt: r.reportedAt,
    photos: o.photos.map((p) => presentPhoto(r.id, p)),
  };
}

/**
 * The auxiliary: what to check and where, and their own report. Deliberately without the tip's
 * id, reference or anything of its reporter (not even an internal id that leads to them); the
 * tip's photos come through the task's own route.
 */
export function presentTask(r: TaskRow, o: { brief: FieldCheckBrief | null; photos: PhotoRow[]; community: Community; now: Date }): Presented<VerificationTask> {
  const b = o.brief;
  return {
    id: r.id,
    status: r.status,
    state: stateOf(r, o.now),
    isOverdue: isOverdue(r, o.now),
    community: presentCommunity(o.community),
    note: r.note,
    dueAt: r.dueAt,
    createdAt: r.createdAt,
    tip: b
      ? {
          category: b.category as CategoryId,
          description: b.description,
          occurredAt: b.occurredAt,
          lat: b.lat,
          lng: b.lng,
          address: b.address,
          photos: b.photos.map((p) => ({ id: p.id, url: `/api/verifications/${r.id}/tip-photos/${p.id}`, width: p.width, height: p.height })),
        }
      : null,
    report:
      r.status === 'reported' && r.finding !== null && r.reportedAt !== null
        ? { finding: r.finding, note: r.reportNote ?? '', reportedAt: r.reportedAt, photos: o.photos.map((p) => presentPhoto(r.id, p)) }
        : null,
  };
}
