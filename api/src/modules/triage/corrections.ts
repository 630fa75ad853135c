import { and, eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { tips } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { AppError, forbidden, notFound, validationError } from '../../http/errors';
import { clock } from '../../lib/clock';
import { lockWorkableCase, touchCase } from '../cases/cases.service';
import { compensateTip } from '../points/reversals';
import { districtExists } from '../reference/reference.service';
import { reversalWindowOf, tipsVisibleTo } from '../tips/tips.policy';
import { reverse, transfer, type TipRow } from '../tips/transitions';
import { requireNoOtherClaim } from './claims';
import type { ReverseInput, TransferInput } from '@hy/schemas/triage';
import { viewForPolice } from './triage.service';

/** Sends an undecided tip to another district's queue (its claim released), with a reason for the record. */
export async function transferTip(actor: Actor, id: string, input: TransferInput) {
  if (!(await districtExists(input.districtId))) throw validationError([{ field: 'districtId', message: 'no such district' }]);
  const moved = await db.transaction((tx) =>
    transfer(tx, { actor, tipId: id, districtId: input.districtId, reason: input.reason, guard: requireNoOtherClaim(actor, clock.now()) }),
  );
  return viewForPolice(actor, moved);
}

/**
 * Who may undo a decision, and until when: the deciding officer for a short while (Undo), a
 * supervisor of the district for longer, an admin always. Someone else: 403; too late: 409.
 */
function mayReverse(actor: Actor, now: Date) {
  return (tip: TipRow) => {
    const window = reversalWindowOf(actor, tip);
    if (!window) throw forbidden('Only the deciding officer, a supervisor of the district or an admin can reverse this decision');
    if (window.until && now.getTime() > window.until.getTime())
      throw new AppError('TOO_LATE', `The time to reverse this decision ended at ${window.until.toISOString()}`, {
        reason: 'reversal_window_closed',
        until: window.until.toISOString(),
      });
  };
}

/**
 * Undoes a decision: the tip is `submitted` again and every award or penalty of it is compensated
 * once (points module). A tip of a case still being worked leaves the case; a tip of a solved or
 * closed case is refused (409) until the case is reopened, since its bonus rests on the tip.
 */
export async function reverseDecision(actor: Actor, id: string, input: ReverseInput) {
  const reversed = await db.transaction(async (tx) => {
    const [seen] = await tx.select({ caseId: tips.caseId }).from(tips).where(and(eq(tips.id, id), tipsVisibleTo(actor)));
    if (!seen) throw notFound('Tip');
    // Case before tip, the order linking and deciding take; reverse re-checks the link under its lock.
    const kase = seen.caseId ? await lockWorkableCase(tx, actor, seen.caseId, 'reversing the decision on its tips') : null;
    const tip = await reverse(tx, {
      actor,
      tipId: id,
      reason: input.reason,
      kase,
      guard: mayReverse(actor, clock.now()),
      // The reason is internal: the volunteer's ledger shows the reversal, not the police's words.
      effects: async (decided) => ({ points: await compensateTip(tx, { tipId: decided.id, actorId: actor.id }) }),
    });
    if (kase) await touchCase(tx, kase.id);
    return tip;
  });
  return viewForPolice(actor, reversed);
}
