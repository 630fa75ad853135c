import { and, eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { verifications } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { AppError, notFound, validationError } from '../../http/errors';
import { clock } from '../../lib/clock';
import { findAuxiliaryOf } from '../accounts/auxiliary-of';
import { audit } from '../audit/audit.service';
import { findCommunities } from '../reference/places.service';
import { recordTipHistory } from '../tips/tip-history';
import { lockTips } from '../tips/transitions';
import { setVerificationState } from '../tips/verification-state';
import { dueAtFrom } from './verifications.policy';
import type { RequestVerification } from '@hy/schemas/verifications';
import { policeViewOf } from './listing';

let dueHours = 24;
/** VERIFY_DUE_HOURS, set once at start (runtime.ts). */
export function setVerifyDueHours(hours: number): void {
  dueHours = hours;
}

/**
 * Police ask the auxiliary of a community to check a tip on site. The community is the one named
 * or the tip's own (the reporter's at submission), and must be of the tip's district. The tip row
 * is locked first, so two officers pressing the button at once make one task (the partial unique
 * index is the backstop); the tip's queue copy of the state, the internal history entry and the
 * audit record commit with the task.
 */
export async function requestVerification(actor: Actor, tipId: string, input: RequestVerification) {
  const now = clock.now();
  const created = await db.transaction(async (tx) => {
    const [tip] = await lockTips(tx, actor, [tipId]);
    if (!tip) throw notFound('Tip');
    const communityId = input.communityId ?? tip.communityId;
    const community = communityId === null ? undefined : (await findCommunities([communityId], tx)).get(communityId);
    if (!community || community.districtId !== tip.districtId) {
      throw validationError([
        {
          field: 'communityId',
          message:
            input.communityId === undefined
              ? "the tip has no community of its district: choose one"
              : "is not a community of the tip's district",
        },
      ]);
    }
    const [open] = await tx
      .select({ id: verifications.id })
      .from(verifications)
      .where(and(eq(verifications.tipId, tip.id), eq(verifications.status, 'open')));
    if (open) throw new AppError('VERIFICATION_OPEN', 'An on-site check of this tip is already open', { verificationId: open.id });
    const auxiliary = await findAuxiliaryOf(tx, community.id);
    if (!auxiliary) throw new AppError('NO_AUXILIARY', 'No auxiliary police officer is assigned to that community', { communityId: community.id });

    const dueAt = dueAtFrom(now, dueHours);
    const [task] = await tx
      .insert(verifications)
      .values({
        tipId: tip.id,
        communityId: community.id,
        assignedToId: auxiliary.id,
        requestedById: actor.id,
        note: input.note,
        dueAt,
        createdAt: now,
      })
      .returning();
    await setVerificationState(tx, { tipId: tip.id, status: 'open', dueAt });
    await recordTipHistory(tx, {
      tipId: tip.id,
      kind: 'verification',
      note: input.note,
      isVisibleToReporter: false,
      actorId: actor.id,
      actorRole: actor.role,
      details: { verificationId: task.id, event: 'requested', communityId: community.id, dueAt: dueAt.toISOString() },
      createdAt: now,
    });
    await audit(tx, {
      actor,
      action: 'verification.request',
      entityType: 'tip',
      entityId: tip.id,
      districtId: tip.districtId,
      details: { verificationId: task.id, communityId: community.id, assignedToId: auxiliary.id, dueAt: dueAt.toISOString() },
    });
    return task;
  });
  return policeViewOf(created.id);
}
