import { and, asc, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { db, type DbOrTx, type Tx } from '../../db/client';
import { caseNotes, cases, tips, users } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { AppError, forbidden, notFound, unprocessable, validationError } from '../../http/errors';
import { decodeCursor, encodeCursor, TimeIdCursor } from '../../lib/cursor';
import { escapeLike } from '../../lib/like';
import { audit } from '../audit/audit.service';
import { applyPoints } from '../points/points.service';
import { POINT_RULES } from '../points/points.rules';
import { linkToCase, unlinkFromCase } from '../tips/transitions';
import { clock } from '../../lib/clock';
import { canAssignLead, canMoveCaseTo, casesVisibleTo, isWorkable } from './cases.policy';
import { presentCase, presentNote, type Person } from './cases.presenter';
import type { AddNote, CasesQuery, CreateCase, LinkTips, OfficersQuery, UpdateCase } from '@hy/schemas/cases';
import { nextCaseReference } from './reference';

type CaseRow = typeof cases.$inferSelect;

/** The district a police action applies to: their own, or the one an admin names. */
export function actingDistrict(actor: Actor, requested: number | undefined): number | undefined {
  if (actor.role === 'admin') return requested;
  if (requested !== undefined && requested !== actor.districtId) throw forbidden('You act only in your own district');
  return actor.districtId ?? undefined;
}

async function people(tx: DbOrTx, ids: (string | null)[]): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (!wanted.length) return new Map();
  const rows = await tx.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** An officer or supervisor of the district, able to hold a claim or lead a case. */
export async function findPoliceOf(tx: DbOrTx, userId: string, districtId: number): Promise<Person | null> {
  const [row] = await tx
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        eq(users.districtId, districtId),
        inArray(users.role, ['officer', 'supervisor']),
        isNull(users.disabledAt),
      ),
    );
  return row ?? null;
}

async function tipCounts(tx: DbOrTx, caseIds: string[]): Promise<Map<string, number>> {
  if (!caseIds.length) return new Map();
  const rows = await tx
    .select({ caseId: tips.caseId, n: sql<number>`count(*)::int` })
    .from(tips)
    .where(inArray(tips.caseId, caseIds))
    .groupBy(tips.caseId);
  return new Map(rows.map((r) => [r.caseId!, Number(r.n)]));
}

async function presentMany(tx: DbOrTx, rows: CaseRow[]) {
  const [leads, counts] = await Promise.all([people(tx, rows.map((c) => c.leadOfficerId)), tipCounts(tx, rows.map((c) => c.id))]);
  return rows.map((c) =>
    presentCase(c, { tipCount: counts.get(c.id) ?? 0, lead: c.leadOfficerId ? (leads.get(c.leadOfficerId) ?? null) : null }),
  );
}

/** A case through the actor's scope, locked for the rest of the transaction. */
async function lockCase(tx: Tx, actor: Actor, id: string): Promise<CaseRow> {
  const [row] = await tx.select().from(cases).where(and(eq(cases.id, id), casesVisibleTo(actor))).for('update');
  if (!row) throw notFound('Case');
  return row;
}

/** A case still being worked (open or investigating), locked; `doing` names what a settled case refuses. */
export async function lockWorkableCase(tx: Tx, actor: Actor, id: string, doing = 'linking tips'): Promise<CaseRow> {
  const row = await lockCase(tx, actor, id);
  if (!isWorkable(row.status)) throw new AppError('CASE_STATUS', `Case ${row.reference} is ${row.status}; reopen it before ${doing}`, { status: row.status });
  return row;
}

/** A case a tip may be linked to now: in scope and still being worked. Locks it. */
export const lockLinkableCase = (tx: Tx, actor: Actor, id: string) => lockWorkableCase(tx, actor, id);

/** The case's place in "recently changed" lists moves when its tips change. */
export async function touchCase(tx: Tx, id: string): Promise<void> {
  await tx.update(cases).set({ updatedAt: clock.now() }).where(eq(cases.id, id));
}

/**
 * Links valid tips of the case's district to a locked, workable case, through the tips module's
 * transition (tips locked in id order; the whole batch refused if any tip does not qualify).
 */
export async function linkTipsToLockedCase(tx: Tx, actor: Actor, kase: CaseRow, tipIds: string[]): Promise<void> {
  const linked = await linkToCase(tx, { actor, kase, tipIds });
  if (linked.length) await touchCase(tx, kase.id);
}

export async function createCase(actor: Actor, input: CreateCase) {
  const districtId = actingDistrict(actor, input.districtId);
  if (districtId === undefined) throw validationError([{ field: 'districtId', message: 'is required for an admin' }]);
  const reference = await nextCaseReference();
  const id = await db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .insert(cases)
      .values({ reference, districtId, title: input.title, summary: input.summary || null, createdById: actor.id, createdAt: now, updatedAt: now })
      .returning();
    await audit(tx, { actor, action: 'case.create', entityType: 'case', entityId: row.id, details: { reference, districtId } });
    if (input.tipIds) await linkTipsToLockedCase(tx, actor, row, input.tipIds);
    return row.id;
  });
  return getCaseDetail(actor, id);
}

export async function listCases(actor: Actor, q: CasesQuery) {
  const districtId = actingDistrict(actor, q.districtId);
  const after = decodeCursor(TimeIdCursor, q.cursor);
  const leadId = q.lead === 'me' ? actor.id : q.lead;
  const rows = await db
    .select()
    .from(cases)
    .where(
      and(
        casesVisibleTo(actor),
        districtId !== undefined ? eq(cases.districtId, districtId) : undefined,
        q.status ? eq(cases.status, q.status) : undefined,
        leadId ? eq(cases.leadOfficerId, leadId) : undefined,
        q.q ? or(ilike(cases.title, `%${escapeLike(q.q)}%`), ilike(cases.reference, `%${escapeLike(q.q)}%`)) : undefined,
        after ? sql`(${cases.updatedAt}, ${cases.id}) < (${new Date(after.t)}, ${after.id})` : undefined,
      ),
    )
    .orderBy(desc(cases.updatedAt), desc(cases.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    cases: await presentMany(db, page),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ t: last.updatedAt.toISOString(), id: last.id }) : null,
  };
}

export async function getCaseDetail(actor: Actor, id: string) {
  const [row] = await db.select().from(cases).where(and(eq(cases.id, id), casesVisibleTo(actor)));
  if (!row) throw notFound('Case');
  const [linked, notes] = await Promise.all([
    db
      .select({
        id: tips.id,
        reference: tips.reference,
        category: tips.category,
        excerpt: sql<string>`left(${tips.description}, 200)`,
        address: tips.address,
        status: tips.status,
        priority: tips.priority,
        isAnonymous: tips.isAnonymous,
        occurredAt: tips.occurredAt,
        createdAt: tips.createdAt,
      })
      .from(tips)
      .where(eq(tips.caseId, id))
      .orderBy(desc(tips.priorityRank), asc(tips.createdAt)),
    db.select().from(caseNotes).where(eq(caseNotes.caseId, id)).orderBy(asc(caseNotes.createdAt), asc(caseNotes.id)),
  ]);
  const names = await people(db, [row.leadOfficerId, ...notes.map((n) => n.authorId)]);
  return {
    ...presentCase(row, { tipCount: linked.length, lead: row.leadOfficerId ? (names.get(row.leadOfficerId) ?? null) : null }),
    tips: linked,
    notes: notes.map((n) => presentNote(n, names.get(n.authorId) ?? null)),
  };
}

export async function updateCase(actor: Actor, id: string, patch: UpdateCase) {
  await db.transaction(async (tx) => {
    const row = await lockCase(tx, actor, id);
    const now = new Date();
    const set: Partial<typeof cases.$inferInsert> = { updatedAt: now };
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.summary !== undefined) set.summary = patch.summary || null;
    if (patch.leadOfficerId !== undefined && patch.leadOfficerId !== row.leadOfficerId) {
      if (!canAssignLead(actor, patch.leadOfficerId)) throw forbidden('Only a supervisor assigns another officer as lead');
      if (patch.leadOfficerId !== null && !(await findPoliceOf(tx, patch.leadOfficerId, row.districtId)))
        throw unprocessable('The lead must be an officer of the case’s district', [{ field: 'leadOfficerId', message: 'not an officer of this district' }]);
      set.leadOfficerId = patch.leadOfficerId;
    }
    const isStatusChange = patch.status !== undefined && patch.status !== row.status;
    if (isStatusChange) {
      if (!canMoveCaseTo(row.status, patch.status!))
        throw new AppError('CASE_STATUS', `A case that is ${row.status} cannot become ${patch.status}`, { status: row.status });
      set.status = patch.status;
      if (patch.status === 'solved') set.solvedAt = now;
      if (patch.status === 'closed') set.closedAt = now;
    }
    await tx.update(cases).set(set).where(eq(cases.id, id));
    const awards = patch.status === 'solved' && isStatusChange ? await awardCaseBonus(tx, actor, row) : [];
    await audit(tx, {
      actor,
      action: isStatusChange ? `case.${patch.status}` : 'case.update',
      entityType: 'case',
      entityId: id,
      details: { from: row.status, changes: Object.keys(patch), awards },
    });
  });
  return getCaseDetail(actor, id);
}

/**
 * The contract's bonus to reporters of the case's valid tips. The ledger's unique
 * (user, reason, tip) key makes it once per tip, however often the case is reopened and solved.
 */
async function awardCaseBonus(tx: Tx, actor: Actor, kase: CaseRow) {
  const linked = await tx
    .select({ id: tips.id, reporterId: tips.reporterId, decisionSeq: tips.decisionSeq })
    .from(tips)
    .where(and(eq(tips.caseId, kase.id), eq(tips.status, 'valid')))
    // Reporter order: applyPoints locks each reporter's row, and two cases solved at once that
    // share reporters must take those locks in the same order or deadlock.
    .orderBy(asc(tips.reporterId), asc(tips.id));
  const outcomes = [];
  for (const t of linked) {
    if (t.reporterId === null) continue;
    const r = await applyPoints(tx, {
      userId: t.reporterId,
      reason: 'case_solved_bonus',
      delta: POINT_RULES.caseSolved,
      tipId: t.id,
      tipDecision: t.decisionSeq,
      caseId: kase.id,
      actorId: actor.id,
    });
    outcomes.push({ tipId: t.id, applied: r.applied, delta: r.delta });
  }
  return outcomes;
}

export async function linkTips(actor: Actor, id: string, input: LinkTips) {
  await db.transaction(async (tx) => {
    const kase = await lockLinkableCase(tx, actor, id);
    await linkTipsToLockedCase(tx, actor, kase, input.tipIds);
  });
  return getCaseDetail(actor, id);
}

export async function unlinkTip(actor: Actor, id: string, tipId: string) {
  await db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, actor, id, 'unlinking tips');
    await unlinkFromCase(tx, { actor, kase, tipId });
    await touchCase(tx, kase.id);
  });
  return getCaseDetail(actor, id);
}

export async function addNote(actor: Actor, id: string, input: AddNote) {
  const note = await db.transaction(async (tx) => {
    await lockCase(tx, actor, id);
    const now = new Date();
    const [row] = await tx.insert(caseNotes).values({ caseId: id, authorId: actor.id, body: input.body, createdAt: now }).returning();
    await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, id));
    await audit(tx, { actor, action: 'case.note', entityType: 'case', entityId: id, details: { noteId: row.id } });
    return row;
  });
  const names = await people(db, [note.authorId]);
  return presentNote(note, names.get(note.authorId) ?? null);
}

/** Officers and supervisors of the district, for lead and claim assignment pickers. */
export async function listOfficers(actor: Actor, q: OfficersQuery) {
  const districtId = actingDistrict(actor, q.districtId);
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, role: users.role, districtId: users.districtId })
    .from(users)
    .where(
      and(
        inArray(users.role, ['officer', 'supervisor']),
        isNull(users.disabledAt),
        districtId !== undefined ? eq(users.districtId, districtId) : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(500);
  return { officers: rows };
}
