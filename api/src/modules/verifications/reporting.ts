import { and, eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { verificationPhotos, verifications } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { clock } from '../../lib/clock';
import { audit } from '../audit/audit.service';
import { storePhotos } from '../media/stored-photos';
import type { Upload } from '../media/upload';
import { recordTipHistory } from '../tips/tip-history';
import { setVerificationState } from '../tips/verification-state';
import { findTask, viewTask } from './listing';
import { tasksVisibleTo } from './verifications.policy';
import type { ReportVerification } from '@hy/schemas/verifications';

const alreadyReported = () => new AppError('ALREADY_REPORTED', 'This on-site check has already been reported');

/**
 * The auxiliary's finding. The photos are re-encoded and stored first (media module), then one
 * conditional UPDATE … WHERE status = 'open' decides who reports: of two reports sent at once the
 * second waits for the first's row lock, finds the task reported and gets 409, and its photos
 * are removed again. The tip's queue state, the police-only history entry and the audit record
 * commit with the report.
 */
export async function reportVerification(actor: Actor, id: string, input: ReportVerification, uploads: Upload[]) {
  // 404 for another community's task and 409 for a reported one, before any photo is decoded.
  const task = await findTask(actor, id);
  if (task.status !== 'open') throw alreadyReported();
  const stored = await storePhotos(uploads);
  try {
    await db.transaction(async (tx) => {
      const now = clock.now();
      const [reported] = await tx
        .update(verifications)
        .set({ status: 'reported', finding: input.finding, reportNote: input.note, reportedById: actor.id, reportedAt: now })
        .where(and(eq(verifications.id, task.id), eq(verifications.status, 'open'), tasksVisibleTo(actor)))
        .returning();
      if (!reported) throw alreadyReported();
      const photos = stored.photos.length
        ? await tx
            .insert(verificationPhotos)
            .values(
              stored.photos.map((p, i) => ({
                verificationId: reported.id,
                storageKey: p.storageKey,
                mimeType: p.mimeType,
                bytes: p.bytes,
                width: p.width,
                height: p.height,
                sha256: p.sha256,
                position: i,
                createdAt: now,
              })),
            )
            .returning({ id: verificationPhotos.id })
        : [];
      const tip = await setVerificationState(tx, { tipId: reported.tipId, status: 'reported', dueAt: reported.dueAt });
      await recordTipHistory(tx, {
        tipId: reported.tipId,
        kind: 'verification',
        note: input.note,
        isVisibleToReporter: false,
        actorId: actor.id,
        actorRole: actor.role,
        details: { verificationId: reported.id, event: 'reported', finding: input.finding, photoIds: photos.map((p) => p.id) },
        createdAt: now,
      });
      await audit(tx, {
        actor,
        action: 'verification.report',
        entityType: 'tip',
        entityId: reported.tipId,
        districtId: tip.districtId,
        details: { verificationId: reported.id, finding: input.finding, photos: photos.length, isLate: reported.dueAt.getTime() <= now.getTime() },
      });
    });
  } catch (err) {
    await stored.discard();
    throw err;
  }
  return viewTask(actor, id);
}
