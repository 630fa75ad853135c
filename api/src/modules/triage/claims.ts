import { and, eq } from 'drizzle-orm';
import { db, type Tx } from '../../db/client';
import { tips } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { AppError, forbidden, unprocessable } from '../../http/errors';
import { clock } from '../../lib/clock';
import { actingDistrict, findPoliceOf } from '../cases/cases.service';
import { tipsVisibleTo } from '../tips/tips.policy';
import { claim, isOpen, lockTips, releaseClaim as release, type TipRow } from '../tips/transitions';
import { canOverrideClaims, isClaimActive, isClaimedByOther, isUnclaimedSql } from './triage.policy';
import type { AssignInput, ClaimInput } from '@hy/schemas/triage';
import { QUEUE_ORDER, viewForPolice } from './triage.service';

let claimTtlMs = 30 * 60_000;

/** Set from the config at start-up (CLAIM_TTL_MINUTES): how long a claim lasts without a decision. */
export function setClaimTtlMinutes(minutes: number): void {
  claimTtlMs = minutes * 60_000;
}

const claimExpiry = (now: Date) => new Date(now.getTime() + claimTtlMs);

/** Officers decide, claim and transfer tips that are unclaimed or claimed by themselves; supervisors and admins any. */
export function requireNoOtherClaim(actor: Actor, now: Date) {
  return (tip: TipRow) => {
    if (isClaimedByOther(actor, tip, now) && !canOverrideClaims(actor))
      throw new AppError('CLAIMED', 'Another officer has claimed this tip', { claimedById: tip.claimedById, claimExpiresAt: tip.claimExpiresAt });
  };
}

/**
 * Hands the caller the next unclaimed submitted tip of their district, highest priority then
 * oldest. SKIP LOCKED: officers pressing "Claim next" at the same moment each get a different tip
 * instead of queueing behind one row lock; a lapsed claim counts as free.
 */
export async function claimNext(actor: Actor, input: ClaimInput) {
  const districtId = actingDistrict(actor, input.districtId);
  const claimed = await db.transaction(async (tx) => {
    const now = clock.now();
    const [free] = await tx
      .select({ id: tips.id })
      .from(tips)
      .where(
        and(
          tipsVisibleTo(actor),
          districtId !== undefined ? eq(tips.districtId, districtId) : undefined,
          eq(tips.status, 'submitted'),
          isUnclaimedSql(now),
        ),
      )
      .orderBy(...QUEUE_ORDER)
      .limit(1)
      .for('update', { skipLocked: true });
    if (!free) return null;
    return claim(tx, { actor, tipId: free.id, officerId: actor.id, expiresAt: claimExpiry(now) });
  });
  return viewForPolice(actor, claimed);
}

/** Claims one chosen tip (or renews one's own claim); someone else's live claim is a conflict, even for a supervisor. */
export async function claimTip(actor: Actor, id: string) {
  const claimed = await db.transaction(async (tx) => {
    const now = clock.now();
    const guard = (tip: TipRow) => {
      if (isClaimedByOther(actor, tip, now))
        throw new AppError('CLAIMED', 'Another officer has claimed this tip', { claimedById: tip.claimedById, claimExpiresAt: tip.claimExpiresAt });
    };
    return claim(tx, { actor, tipId: id, officerId: actor.id, expiresAt: claimExpiry(now), guard });
  });
  return viewForPolice(actor, claimed);
}

async function lockedRow(tx: Tx, actor: Actor, id: string): Promise<TipRow | undefined> {
  const [tip] = await lockTips(tx, actor, [id]);
  return tip;
}

/** Gives a claim back to the queue: one's own, or anyone's for a supervisor. Releasing no claim changes nothing. */
export async function releaseClaim(actor: Actor, id: string) {
  const released = await db.transaction(async (tx) => {
    const now = clock.now();
    const tip = await lockedRow(tx, actor, id);
    if (tip && !isClaimActive(tip, now)) return tip;
    const guard = (t: TipRow) => {
      if (isClaimedByOther(actor, t, now) && !canOverrideClaims(actor)) throw forbidden('Only a supervisor can release another officer’s claim');
    };
    return release(tx, { actor, tipId: id, guard });
  });
  return viewForPolice(actor, released);
}

/** A supervisor hands a tip to an officer of its district (replacing any claim). */
export async function assignClaim(actor: Actor, id: string, input: AssignInput) {
  const assigned = await db.transaction(async (tx) => {
    const now = clock.now();
    const tip = await lockedRow(tx, actor, id);
    if (tip && isOpen(tip.status) && !(await findPoliceOf(tx, input.officerId, tip.districtId)))
      throw unprocessable('The tip can only go to an officer of its district', [{ field: 'officerId', message: 'not an officer of this district' }]);
    return claim(tx, { actor, tipId: id, officerId: input.officerId, expiresAt: claimExpiry(now) });
  });
  return viewForPolice(actor, assigned);
}
