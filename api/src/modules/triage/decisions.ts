import { db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { unprocessable } from '../../http/errors';
import { clock } from '../../lib/clock';
import { linkTipsToLockedCase, lockLinkableCase } from '../cases/cases.service';
import { applyPoints } from '../points/points.service';
import { POINT_RULES, type PointsReason } from '../points/points.rules';
import { decide, markDuplicate, type Priority, type TipRow } from '../tips/transitions';
import { requireNoOtherClaim } from './claims';
import type { TriageInput } from '@hy/schemas/triage';
import { viewForPolice } from './triage.service';

type Award = { reason: PointsReason; delta: number };

/** What the contract pays for a decision: nothing for anonymous tips (no one to pay). */
function awardsFor(tip: TipRow, input: TriageInput, priority: Priority): Award[] {
  if (tip.reporterId === null) return [];
  if (input.decision === 'valid') {
    const awards: Award[] = [{ reason: 'tip_validated', delta: POINT_RULES.tipValidated }];
    if (priority === 'high' || priority === 'urgent') awards.push({ reason: 'tip_priority_bonus', delta: POINT_RULES.priorityBonus });
    return awards;
  }
  if (input.decision === 'invalid' && input.isDeliberateFalse)
    return [{ reason: 'false_report_penalty', delta: -POINT_RULES.falseReportPenalty }];
  return [];
}

/**
 * One decision, one transaction, through the tips module's transitions: the tip row is locked
 * first (two officers deciding at once: one succeeds, the other sees the new status and gets 409),
 * then status, history, case link, points (once per reporter, reason, tip and decision by the
 * ledger's unique key) and the audit record.
 */
export async function decideTip(actor: Actor, id: string, input: TriageInput) {
  const decided = await db.transaction(async (tx) => {
    // Case before tip: the same lock order as linking tips to a case, so the two never deadlock.
    const kase = input.caseId ? await lockLinkableCase(tx, actor, input.caseId) : null;
    const common = {
      actor,
      tipId: id,
      sharedNote: input.isNoteForReporter || input.decision === 'needs_info' ? (input.note ?? null) : null,
      internalNote: input.note && !input.isNoteForReporter && input.decision !== 'needs_info' ? input.note : null,
      guard: (tip: TipRow) => {
        requireNoOtherClaim(actor, clock.now())(tip);
        if (kase && kase.districtId !== tip.districtId)
          throw unprocessable('Tips of another district cannot join this case', [{ field: 'caseId', message: 'another district' }]);
      },
      effects: async (tip: TipRow) => {
        if (kase) await linkTipsToLockedCase(tx, actor, kase, [tip.id]);
        const points = [];
        for (const award of awardsFor(tip, input, tip.priority)) {
          const outcome = await applyPoints(tx, {
            userId: tip.reporterId!,
            reason: award.reason,
            delta: award.delta,
            tipId: tip.id,
            tipDecision: tip.decisionSeq,
            actorId: actor.id,
          });
          points.push({ reason: award.reason, delta: outcome.delta, applied: outcome.applied });
        }
        return { caseId: kase?.id ?? null, points };
      },
    };
    if (input.decision === 'duplicate') return markDuplicate(tx, { ...common, duplicateOf: input.duplicateOf! });
    return decide(tx, { ...common, decision: input.decision, priority: input.priority, isDeliberateFalse: input.isDeliberateFalse });
  });
  return viewForPolice(actor, decided);
}
