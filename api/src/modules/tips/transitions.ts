import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { tipFirstDecisions, tips } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { AppError, conflict, notFound, unprocessable, validationError } from '../../http/errors';
import { clock } from '../../lib/clock';
import { audit } from '../audit/audit.service';
import { recordTipHistory } from './tip-history';
import { tipsVisibleTo } from './tips.policy';
import { queueChanged } from './queue-changes';

export type TipRow = typeof tips.$inferSelect;
export type TipStatus = TipRow['status'];
export type Priority = TipRow['priority'];
export type Decision = 'valid' | 'invalid' | 'needs_info';

/** Queue sort key, kept in step with tips.priority (higher first). */
export const PRIORITY_RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

const OPEN = ['submitted', 'needs_info'] as const satisfies readonly TipStatus[];

/**
 * The tip's life in one table: the statuses each transition may start from. Status, district,
 * claim, case link and duplicate link change only through the functions below, each of which
 * locks the row, checks this table, and writes history and audit in the caller's transaction.
 */
const ALLOWED_FROM = {
  claim: OPEN,
  release: ['submitted', 'needs_info', 'valid', 'invalid', 'duplicate'],
  valid: OPEN,
  invalid: OPEN,
  needs_info: ['submitted'],
  duplicate: OPEN,
  transfer: OPEN,
  reverse: ['needs_info', 'valid', 'invalid', 'duplicate'],
  linkToCase: ['valid'],
  unlinkFromCase: ['valid'],
} as const satisfies Record<string, readonly TipStatus[]>;

export type Transition = keyof typeof ALLOWED_FROM;

const VERB: Record<Transition, string> = {
  claim: 'be claimed',
  release: 'be released',
  valid: 'be marked valid',
  invalid: 'be marked invalid',
  needs_info: 'be marked needs_info',
  duplicate: 'be marked duplicate',
  transfer: 'be transferred',
  reverse: 'have its decision reversed',
  linkToCase: 'be linked to a case',
  unlinkFromCase: 'be unlinked from a case',
};

export const canTransition = (transition: Transition, from: TipStatus): boolean =>
  (ALLOWED_FROM[transition] as readonly TipStatus[]).includes(from);

/** Tips still waiting for a police decision (claims, decisions and transfers apply only to these). */
export const isOpen = (status: TipStatus) => canTransition('valid', status);

const DECISIONS: ReadonlySet<Transition> = new Set(['valid', 'invalid', 'needs_info', 'duplicate']);

function requireFrom(transition: Transition, tip: TipRow): void {
  if (!canTransition(transition, tip.status))
    throw new AppError(
      'TIP_STATUS',
      DECISIONS.has(transition)
        ? `A tip that is ${tip.status} cannot ${VERB[transition]}`
        : `Tip ${tip.reference} is already ${tip.status}; it cannot ${VERB[transition]}`,
      { status: tip.status, transition },
    );
}

/** The caller's own rule (claims, time windows), checked on the locked row before anything changes. */
export type Guard = (tip: TipRow) => void;

/** Tips of the actor's scope, locked in id order so that any two transactions lock them alike. */
export async function lockTips(tx: Tx, actor: Actor, ids: string[]): Promise<TipRow[]> {
  if (!ids.length) return [];
  return tx
    .select()
    .from(tips)
    .where(and(inArray(tips.id, [...new Set(ids)]), tipsVisibleTo(actor)))
    .orderBy(asc(tips.id))
    .for('update');
}

/** One tip of the actor's scope, locked, checked against the table and the caller's guard (404 outside the scope). */
async function lockFor(tx: Tx, actor: Actor, id: string, transition: Transition, guard?: Guard): Promise<TipRow> {
  const [tip] = await lockTips(tx, actor, [id]);
  if (!tip) throw notFound('Tip');
  requireFrom(transition, tip);
  guard?.(tip);
  return tip;
}

async function save(tx: Tx, id: string, set: Partial<typeof tips.$inferInsert>): Promise<TipRow> {
  const [row] = await tx.update(tips).set(set).where(eq(tips.id, id)).returning();
  // Its status or district changed: the district's queue counts move (a claim changes neither).
  if (row && (set.status !== undefined || set.districtId !== undefined)) queueChanged(row.districtId);
  return row;
}

const by = (actor: Actor) => ({ actorId: actor.id, actorRole: actor.role });

/** Claims an open tip for an officer (the actor, or one a supervisor assigns) until `expiresAt`. */
export async function claim(tx: Tx, o: { actor: Actor; tipId: string; officerId: string; expiresAt: Date; guard?: Guard }): Promise<TipRow> {
  await lockFor(tx, o.actor, o.tipId, 'claim', o.guard);
  const row = await save(tx, o.tipId, { claimedById: o.officerId, claimExpiresAt: o.expiresAt });
  await audit(tx, {
    actor: o.actor,
    action: o.officerId === o.actor.id ? 'tip.claim' : 'tip.assign',
    entityType: 'tip',
    entityId: o.tipId,
    details: { officerId: o.officerId, expiresAt: o.expiresAt.toISOString() },
  });
  return row;
}

/** Gives a claim back to the queue. */
export async function releaseClaim(tx: Tx, o: { actor: Actor; tipId: string; guard?: Guard }): Promise<TipRow> {
  const tip = await lockFor(tx, o.actor, o.tipId, 'release', o.guard);
  const row = await save(tx, o.tipId, { claimedById: null, claimExpiresAt: null });
  await audit(tx, { actor: o.actor, action: 'tip.release', entityType: 'tip', entityId: o.tipId, details: { officerId: tip.claimedById } });
  return row;
}

type Effects = (tip: TipRow) => Promise<Record<string, unknown>>;

type DecisionCommon = {
  actor: Actor;
  tipId: string;
  /** Shown to the reporter with the status change; null for none. */
  sharedNote: string | null;
  /** Internal police note, kept as a separate history entry. */
  internalNote: string | null;
  guard?: Guard;
  /** Consequences in the same transaction (points, case link); what they return goes into the audit record. */
  effects?: Effects;
};

async function recordDecision(tx: Tx, o: DecisionCommon & { from: TipRow; tip: TipRow; details: Record<string, unknown> }): Promise<TipRow> {
  const { actor, tip } = o;
  // The statistics' time to first decision: written by the first decision only (a decision after
  // a reversal finds the row and keeps it).
  await tx
    .insert(tipFirstDecisions)
    .values({ tipId: tip.id, districtId: tip.districtId, submittedAt: tip.createdAt, firstDecidedAt: tip.updatedAt })
    .onConflictDoNothing();
  await recordTipHistory(tx, {
    tipId: tip.id,
    kind: 'status',
    fromStatus: o.from.status,
    toStatus: tip.status,
    note: o.sharedNote,
    isVisibleToReporter: true,
    details: o.details,
    createdAt: tip.updatedAt,
    ...by(actor),
  });
  if (o.internalNote)
    await recordTipHistory(tx, { tipId: tip.id, kind: 'note', note: o.internalNote, isVisibleToReporter: false, createdAt: tip.updatedAt, ...by(actor) });
  const consequences = o.effects ? await o.effects(tip) : {};
  await audit(tx, {
    actor,
    action: 'tip.triage',
    entityType: 'tip',
    entityId: tip.id,
    details: { from: o.from.status, decision: tip.status, decisionSeq: tip.decisionSeq, ...o.details, ...consequences },
  });
  return tip;
}

/** A decision on an open tip: valid, invalid (possibly a deliberate false report) or needs_info. */
export async function decide(
  tx: Tx,
  o: DecisionCommon & { decision: Decision; priority?: Priority; isDeliberateFalse: boolean },
): Promise<TipRow> {
  const from = await lockFor(tx, o.actor, o.tipId, o.decision, o.guard);
  const now = clock.now();
  const priority = o.priority ?? from.priority;
  const isDeliberateFalse = o.decision === 'invalid' && o.isDeliberateFalse;
  const tip = await save(tx, from.id, {
    status: o.decision,
    priority,
    priorityRank: PRIORITY_RANK[priority],
    duplicateOfId: null,
    isDeliberateFalse,
    claimedById: null,
    claimExpiresAt: null,
    decidedById: o.actor.id,
    decidedAt: now,
    decisionSeq: from.decisionSeq + 1,
    updatedAt: now,
  });
  return recordDecision(tx, { ...o, from, tip, details: { priority, isDeliberateFalse } });
}

/** Follows duplicate links to the original (read only; markDuplicate re-checks under locks). */
async function findRoot(tx: Tx, actor: Actor, tipId: string, duplicateOf: string): Promise<string> {
  let id = duplicateOf;
  for (let hop = 0; hop < 10; hop++) {
    if (id === tipId) throw unprocessable('A tip cannot be a duplicate of itself', [{ field: 'duplicateOf', message: 'is this tip' }]);
    const [original] = await tx
      .select({ id: tips.id, status: tips.status, duplicateOfId: tips.duplicateOfId })
      .from(tips)
      .where(and(eq(tips.id, id), tipsVisibleTo(actor)));
    if (!original) throw unprocessable('The original tip was not found', [{ field: 'duplicateOf', message: 'no such tip' }]);
    if (original.status !== 'duplicate' || !original.duplicateOfId) return original.id;
    id = original.duplicateOfId;
  }
  throw unprocessable('The duplicate chain is too long', [{ field: 'duplicateOf', message: 'chain too long' }]);
}

/**
 * Marks an open tip as a duplicate of another (of that one's original when it is a duplicate
 * itself). Both tips are locked in id order, and under the locks the original must still not be a
 * duplicate: two officers marking A→B and B→A at once wait for each other, and the second finds
 * its original already marked (409) — never a cycle, never a deadlock.
 */
export async function markDuplicate(tx: Tx, o: DecisionCommon & { duplicateOf: string }): Promise<TipRow> {
  const rootId = await findRoot(tx, o.actor, o.tipId, o.duplicateOf);
  const locked = await lockTips(tx, o.actor, [o.tipId, rootId]);
  const from = locked.find((t) => t.id === o.tipId);
  const original = locked.find((t) => t.id === rootId);
  if (!from) throw notFound('Tip');
  requireFrom('duplicate', from);
  o.guard?.(from);
  if (!original) throw unprocessable('The original tip was not found', [{ field: 'duplicateOf', message: 'no such tip' }]);
  if (original.districtId !== from.districtId)
    throw unprocessable('The original must be a tip of the same district', [{ field: 'duplicateOf', message: 'another district' }]);
  if (original.status === 'duplicate')
    throw conflict(`Tip ${original.reference} has just been marked a duplicate itself; choose its original`, {
      duplicateOfId: original.duplicateOfId,
    });
  const now = clock.now();
  const tip = await save(tx, from.id, {
    status: 'duplicate',
    duplicateOfId: original.id,
    isDeliberateFalse: false,
    claimedById: null,
    claimExpiresAt: null,
    decidedById: o.actor.id,
    decidedAt: now,
    decisionSeq: from.decisionSeq + 1,
    updatedAt: now,
  });
  return recordDecision(tx, { ...o, from, tip, details: { priority: tip.priority, duplicateOfId: original.id } });
}

/** Moves an open tip to another district's queue, releasing its claim. The reason stays internal. */
export async function transfer(
  tx: Tx,
  o: { actor: Actor; tipId: string; districtId: number; reason: string; guard?: Guard },
): Promise<TipRow> {
  const from = await lockFor(tx, o.actor, o.tipId, 'transfer', o.guard);
  if (from.districtId === o.districtId) throw validationError([{ field: 'districtId', message: 'is already the tip’s district' }]);
  const now = clock.now();
  const tip = await save(tx, from.id, { districtId: o.districtId, claimedById: null, claimExpiresAt: null, updatedAt: now });
  queueChanged(from.districtId);
  // A tip needing information, or reversed to submitted, has a first decision: it follows the tip.
  await tx.update(tipFirstDecisions).set({ districtId: o.districtId }).where(eq(tipFirstDecisions.tipId, tip.id));
  const details = { fromDistrictId: from.districtId, toDistrictId: o.districtId, reason: o.reason };
  await recordTipHistory(tx, { tipId: tip.id, kind: 'transfer', isVisibleToReporter: false, details, createdAt: now, ...by(o.actor) });
  await audit(tx, { actor: o.actor, action: 'tip.transfer', entityType: 'tip', entityId: tip.id, details: { ...details, claimedById: from.claimedById } });
  return tip;
}

/** The case a tip is linked to, as the link history names it. */
export type CaseRef = { id: string; reference: string };

async function recordLink(tx: Tx, actor: Actor, tipIds: string[], kase: CaseRef, linked: boolean, now: Date): Promise<void> {
  for (const tipId of tipIds)
    // Internal: an investigation is not announced to reporters.
    await recordTipHistory(tx, {
      tipId,
      kind: 'link',
      isVisibleToReporter: false,
      details: { caseId: kase.id, caseReference: kase.reference, linked },
      createdAt: now,
      ...by(actor),
    });
}

/**
 * Undoes the tip's decision: it is `submitted` again, unclaimed, without duplicate link or case
 * (the caller has locked a workable case first — case before tip, the order every path takes).
 * `effects` compensates the decision's points. The reason is internal; the reporter sees the
 * tip back under review.
 */
export async function reverse(
  tx: Tx,
  o: { actor: Actor; tipId: string; reason: string; kase: CaseRef | null; guard?: Guard; effects?: Effects },
): Promise<TipRow> {
  const from = await lockFor(tx, o.actor, o.tipId, 'reverse', o.guard);
  if ((from.caseId ?? null) !== (o.kase?.id ?? null)) throw conflict('The tip’s case changed meanwhile; try again', { caseId: from.caseId });
  const now = clock.now();
  if (o.kase) await recordLink(tx, o.actor, [from.id], o.kase, false, now);
  const tip = await save(tx, from.id, {
    status: 'submitted',
    duplicateOfId: null,
    caseId: null,
    isDeliberateFalse: false,
    claimedById: null,
    claimExpiresAt: null,
    decidedById: null,
    decidedAt: null,
    updatedAt: now,
  });
  const details = { reversal: true, reason: o.reason, decidedById: from.decidedById, decidedAt: from.decidedAt?.toISOString() ?? null };
  await recordTipHistory(tx, {
    tipId: tip.id,
    kind: 'status',
    fromStatus: from.status,
    toStatus: 'submitted',
    isVisibleToReporter: true,
    details,
    createdAt: now,
    ...by(o.actor),
  });
  const consequences = o.effects ? await o.effects(from) : {};
  await audit(tx, {
    actor: o.actor,
    action: 'tip.reverse',
    entityType: 'tip',
    entityId: tip.id,
    details: { from: from.status, decisionSeq: from.decisionSeq, caseId: from.caseId, ...details, ...consequences },
  });
  return tip;
}

/**
 * Links tips to a case the caller has locked (and checked workable). Tips are locked in id order;
 * the whole batch is refused if any tip is missing (404), of another district or not valid (422),
 * or linked elsewhere (409). Returns the tips newly linked.
 */
export async function linkToCase(tx: Tx, o: { actor: Actor; kase: CaseRef & { districtId: number }; tipIds: string[] }): Promise<string[]> {
  const rows = await lockTips(tx, o.actor, o.tipIds);
  const missing = o.tipIds.filter((id) => !rows.some((t) => t.id === id));
  if (missing.length) throw new AppError('NOT_FOUND', 'Tip not found', { tipIds: missing });
  const elsewhere = rows.filter((t) => t.districtId !== o.kase.districtId);
  if (elsewhere.length)
    throw unprocessable('Tips of another district cannot join this case', elsewhere.map((t) => ({ tipId: t.id, reference: t.reference })));
  const notLinkable = rows.filter((t) => !canTransition('linkToCase', t.status));
  if (notLinkable.length)
    throw unprocessable(
      'Only valid tips can be linked to a case',
      notLinkable.map((t) => ({ tipId: t.id, reference: t.reference, status: t.status })),
    );
  const inOther = rows.filter((t) => t.caseId !== null && t.caseId !== o.kase.id);
  if (inOther.length)
    throw new AppError('ALREADY_LINKED', 'A tip is already linked to another case; unlink it there first', inOther.map((t) => ({ tipId: t.id, reference: t.reference })));
  const toLink = rows.filter((t) => t.caseId === null).map((t) => t.id);
  if (!toLink.length) return [];
  const now = clock.now();
  await tx.update(tips).set({ caseId: o.kase.id, updatedAt: now }).where(inArray(tips.id, toLink));
  await recordLink(tx, o.actor, toLink, o.kase, true, now);
  await audit(tx, { actor: o.actor, action: 'case.link_tips', entityType: 'case', entityId: o.kase.id, details: { tipIds: toLink } });
  return toLink;
}

/** Takes a tip out of a case the caller has locked (404 when it is not linked there). */
export async function unlinkFromCase(tx: Tx, o: { actor: Actor; kase: CaseRef; tipId: string }): Promise<void> {
  const [tip] = await lockTips(tx, o.actor, [o.tipId]);
  if (!tip || tip.caseId !== o.kase.id) throw notFound('Linked tip');
  requireFrom('unlinkFromCase', tip);
  const now = clock.now();
  await save(tx, tip.id, { caseId: null, updatedAt: now });
  await recordLink(tx, o.actor, [tip.id], o.kase, false, now);
  await audit(tx, { actor: o.actor, action: 'case.unlink_tip', entityType: 'case', entityId: o.kase.id, details: { tipId: tip.id } });
}
