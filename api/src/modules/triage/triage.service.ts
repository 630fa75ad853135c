import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { db, type Tx } from '../../db/client';
import { media, tipHistory, tips, users } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { conflict, forbidden, notFound, unprocessable } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { escapeLike } from '../../lib/like';
import { audit } from '../audit/audit.service';
import { actingDistrict, attachTips, findPoliceOf, lockLinkableCase } from '../cases/cases.service';
import { applyPoints, type PointsOutcome } from '../points/points.service';
import { POINT_RULES, type PointsReason } from '../points/points.rules';
import { loadBundles } from '../tips/tips.service';
import { tipsVisibleTo } from '../tips/tips.policy';
import { presentTip } from '../tips/tips.presenter';
import {
  canDecide,
  canMoveTo,
  canOverrideClaims,
  distanceMetresSql,
  isClaimActive,
  isClaimedBySql,
  isClaimedByOther,
  isOpen,
  isUnclaimedSql,
  PRIORITY_RANK,
} from './triage.policy';
import {
  presentDuplicate,
  presentQueueRow,
  presentReporterRecord,
  type DuplicateRow,
  type QueueRow,
  type ReporterRecord,
} from './triage.presenter';
import { QueueCursor, type AssignInput, type ClaimInput, type QueueQuery, type TriageInput } from './triage.schema';

type TipRow = typeof tips.$inferSelect;
type TipStatus = TipRow['status'];

let claimTtlMs = 30 * 60_000;

/** Set from the config at start-up (CLAIM_TTL_MINUTES): how long a claim lasts without a decision. */
export function setClaimTtlMinutes(minutes: number): void {
  claimTtlMs = minutes * 60_000;
}

const claimExpiry = (now: Date) => new Date(now.getTime() + claimTtlMs);

/** Duplicate suggestions: same category, this close, this near in time, this similar in text. */
const DUPLICATE_RADIUS_M = 500;
const DUPLICATE_WINDOW_DAYS = 3;
const DUPLICATE_MIN_SIMILARITY = 0.2;
const ADDRESS_MIN_SIMILARITY = 0.3;

/**
 * Queue order exactly as tips_queue_idx stores it: drizzle wrote the index as `priority_rank DESC
 * NULLS LAST`, and PostgreSQL only walks an index for ORDER BY when the NULLS placement matches
 * too (plain DESC means NULLS FIRST), even for a NOT NULL column — otherwise it sorts every row.
 */
const QUEUE_ORDER = [sql`${tips.priorityRank} DESC NULLS LAST`, asc(tips.createdAt), asc(tips.id)];

const queueColumns = {
  id: tips.id,
  reference: tips.reference,
  category: tips.category,
  excerpt: sql<string>`left(${tips.description}, 200)`,
  address: tips.address,
  districtId: tips.districtId,
  status: tips.status,
  priority: tips.priority,
  priorityRank: tips.priorityRank,
  isAnonymous: tips.isAnonymous,
  occurredAt: tips.occurredAt,
  createdAt: tips.createdAt,
  claimedById: tips.claimedById,
  claimExpiresAt: tips.claimExpiresAt,
  caseId: tips.caseId,
  photoCount: sql<number>`(SELECT count(*)::int FROM ${media} WHERE ${media.tipId} = ${tips.id} AND ${media.purgedAt} IS NULL)`,
};

async function claimerNames(rows: { claimedById: string | null }[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.claimedById).filter((x): x is string => x !== null))];
  if (!ids.length) return new Map();
  const found = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(found.map((u) => [u.id, u.displayName]));
}

/**
 * The triage queue: highest priority first, then oldest. Keyset pages on
 * (priority_rank desc, created_at, id): the rest of the cursor's priority band, then the lower
 * bands. Each part is a plain range scan of tips_queue_idx (district, status, rank desc,
 * created_at, id) — or tips_queue_category_idx with a category — so a deep page costs what the
 * first does — no OFFSET, no OR across bands.
 * Counts per status (for the header tabs) come with the first page only, capped (see statusCounts).
 */
export async function listQueue(actor: Actor, q: QueueQuery) {
  const districtId = actingDistrict(actor, q.districtId);
  const after = decodeCursor(QueueCursor, q.cursor);
  const now = new Date();
  const text = q.q ? `%${escapeLike(q.q)}%` : undefined;
  const filters: (SQL | undefined)[] = [
    tipsVisibleTo(actor),
    districtId !== undefined ? eq(tips.districtId, districtId) : undefined,
    q.category ? eq(tips.category, q.category) : undefined,
    q.priority ? eq(tips.priorityRank, PRIORITY_RANK[q.priority]) : undefined,
    q.from ? gte(tips.createdAt, q.from) : undefined,
    q.to ? lt(tips.createdAt, q.to) : undefined,
    text ? or(ilike(tips.description, text), ilike(tips.address, text)) : undefined,
    q.claim === 'mine' ? isClaimedBySql(actor.id, now) : q.claim === 'unclaimed' ? isUnclaimedSql(now) : undefined,
  ];
  const base = and(...filters, eq(tips.status, q.status));
  const page = (where: SQL | undefined, limit: number) =>
    db
      .select(queueColumns)
      .from(tips)
      .where(and(base, where))
      .orderBy(...QUEUE_ORDER)
      .limit(limit);

  const want = q.limit + 1;
  let rows: QueueRow[];
  if (!after) {
    rows = await page(undefined, want);
  } else {
    rows = await page(
      and(eq(tips.priorityRank, after.r), sql`(${tips.createdAt}, ${tips.id}) > (${new Date(after.t)}, ${after.id})`),
      want,
    );
    if (rows.length < want && after.r > 0) rows = rows.concat(await page(lt(tips.priorityRank, after.r), want - rows.length));
  }

  const shown = rows.slice(0, q.limit);
  const last = shown.at(-1);
  // Counted only when every filter is a leading column of tips_queue_idx / tips_queue_category_idx
  // (district, status, category, rank), so each count is a bounded index range. Free text and
  // claims are in no btree and a date range sits behind the rank: counting those could read the
  // whole district's history (5–25 ms for 7 days at 2M tips, seconds for rare text).
  const isCountable = !after && !q.q && !q.claim && !q.from && !q.to;
  const [names, counted] = await Promise.all([claimerNames(shown), isCountable ? statusCounts(and(...filters)) : Promise.resolve(null)]);
  return {
    tips: shown.map((r) => presentQueueRow(r, actor, names, now)),
    nextCursor:
      rows.length > q.limit && last ? encodeCursor({ r: last.priorityRank, t: last.createdAt.toISOString(), id: last.id }) : null,
    counts: counted?.counts ?? null,
    countsCapped: counted?.capped ?? [],
  };
}

/** Header counts stop here: "1000+" tells an officer as much as 151,354 and costs 1/150th. */
export const COUNT_CAP = 1000;

const STATUSES: readonly TipStatus[] = ['submitted', 'needs_info', 'valid', 'invalid', 'duplicate'];

/**
 * Tips per status for the header tabs, each counted only up to COUNT_CAP (+1 to know it was
 * reached): one statement, five index-only range scans of at most 1,001 entries each, instead
 * of reading every tip of the district's history. Exact below the cap and always current (no
 * counter rows to keep in step, no hot row for every submission); statuses that reach the cap
 * are listed in `capped` and their count is a lower bound.
 */
async function statusCounts(where: SQL | undefined): Promise<{ counts: Record<TipStatus, number>; capped: TipStatus[] }> {
  const bounded = (status: TipStatus) =>
    sql`(SELECT count(*)::int FROM (SELECT 1 FROM ${tips} WHERE ${and(where, eq(tips.status, status))} LIMIT ${COUNT_CAP + 1}) AS t) AS ${sql.identifier(status)}`;
  const result = await db.execute<Record<TipStatus, number>>(sql`SELECT ${sql.join(STATUSES.map(bounded), sql`, `)}`);
  const [row] = result.rows;
  const counts = { submitted: 0, needs_info: 0, valid: 0, invalid: 0, duplicate: 0 };
  const capped: TipStatus[] = [];
  for (const status of STATUSES) {
    const n = Number(row[status]);
    counts[status] = Math.min(n, COUNT_CAP);
    if (n > COUNT_CAP) capped.push(status);
  }
  return { counts, capped };
}

/** Loaded after the transaction commits: its bundle queries run in parallel on the pool. */
async function viewForPolice(tip: TipRow | null) {
  if (!tip) return null;
  const [bundle] = await loadBundles(db, [tip]);
  return presentTip(bundle, 'police');
}

/**
 * Hands the caller the next unclaimed submitted tip of their district, highest priority then
 * oldest. SKIP LOCKED: officers pressing "Claim next" at the same moment each get a different tip
 * instead of queueing behind one row lock; a lapsed claim counts as free.
 */
export async function claimNext(actor: Actor, input: ClaimInput) {
  const districtId = actingDistrict(actor, input.districtId);
  const claimed = await db.transaction(async (tx) => {
    const now = new Date();
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
    return setClaim(tx, actor, free.id, actor.id, now);
  });
  return viewForPolice(claimed);
}

async function setClaim(tx: Tx, actor: Actor, tipId: string, officerId: string, now: Date): Promise<TipRow> {
  const expiresAt = claimExpiry(now);
  const [tip] = await tx
    .update(tips)
    .set({ claimedById: officerId, claimExpiresAt: expiresAt })
    .where(eq(tips.id, tipId))
    .returning();
  await audit(tx, {
    actor,
    action: officerId === actor.id ? 'tip.claim' : 'tip.assign',
    entityType: 'tip',
    entityId: tipId,
    details: { officerId, expiresAt: expiresAt.toISOString() },
  });
  return tip;
}

/** A tip of the actor's scope, locked for the rest of the transaction (404 outside the scope). */
async function lockTip(tx: Tx, actor: Actor, id: string): Promise<TipRow> {
  const [tip] = await tx.select().from(tips).where(and(eq(tips.id, id), tipsVisibleTo(actor))).for('update');
  if (!tip) throw notFound('Tip');
  return tip;
}

function requireOpen(tip: TipRow): void {
  if (!isOpen(tip.status)) throw conflict(`Tip ${tip.reference} is already ${tip.status}`, { status: tip.status });
}

/** Claims one chosen tip (or renews one's own claim); someone else's live claim is a conflict. */
export async function claimTip(actor: Actor, id: string) {
  const claimed = await db.transaction(async (tx) => {
    const now = new Date();
    const tip = await lockTip(tx, actor, id);
    requireOpen(tip);
    if (isClaimedByOther(actor, tip, now))
      throw conflict('Another officer has claimed this tip', { claimedById: tip.claimedById, claimExpiresAt: tip.claimExpiresAt });
    return setClaim(tx, actor, id, actor.id, now);
  });
  return viewForPolice(claimed);
}

/** Gives a claim back to the queue: one's own, or anyone's for a supervisor. */
export async function releaseClaim(actor: Actor, id: string) {
  const released = await db.transaction(async (tx) => {
    const now = new Date();
    const tip = await lockTip(tx, actor, id);
    if (!isClaimActive(tip, now)) return tip;
    if (isClaimedByOther(actor, tip, now) && !canOverrideClaims(actor))
      throw forbidden('Only a supervisor can release another officer’s claim');
    const [row] = await tx.update(tips).set({ claimedById: null, claimExpiresAt: null }).where(eq(tips.id, id)).returning();
    await audit(tx, { actor, action: 'tip.release', entityType: 'tip', entityId: id, details: { officerId: tip.claimedById } });
    return row;
  });
  return viewForPolice(released);
}

/** A supervisor hands a tip to an officer of its district (replacing any claim). */
export async function assignClaim(actor: Actor, id: string, input: AssignInput) {
  const assigned = await db.transaction(async (tx) => {
    const now = new Date();
    const tip = await lockTip(tx, actor, id);
    requireOpen(tip);
    if (!(await findPoliceOf(tx, input.officerId, tip.districtId)))
      throw unprocessable('The tip can only go to an officer of its district', [{ field: 'officerId', message: 'not an officer of this district' }]);
    return setClaim(tx, actor, id, input.officerId, now);
  });
  return viewForPolice(assigned);
}

/** Follows duplicate links to the original, refusing cycles and tips the actor may not see. */
async function resolveOriginal(tx: Tx, actor: Actor, tip: TipRow, duplicateOf: string): Promise<TipRow> {
  let id = duplicateOf;
  for (let hop = 0; hop < 10; hop++) {
    if (id === tip.id) throw unprocessable('A tip cannot be a duplicate of itself', [{ field: 'duplicateOf', message: 'is this tip' }]);
    const [original] = await tx.select().from(tips).where(and(eq(tips.id, id), tipsVisibleTo(actor)));
    if (!original) throw unprocessable('The original tip was not found', [{ field: 'duplicateOf', message: 'no such tip' }]);
    if (original.districtId !== tip.districtId)
      throw unprocessable('The original must be a tip of the same district', [{ field: 'duplicateOf', message: 'another district' }]);
    if (original.status !== 'duplicate' || !original.duplicateOfId) return original;
    id = original.duplicateOfId;
  }
  throw unprocessable('The duplicate chain is too long', [{ field: 'duplicateOf', message: 'chain too long' }]);
}

type Award = { reason: PointsReason; delta: number };

/** What the contract pays for a decision: nothing for anonymous tips (no one to pay). */
function awardsFor(tip: TipRow, input: TriageInput, priority: TipRow['priority']): Award[] {
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
 * One decision, one transaction: the tip row is locked first (two officers deciding at once:
 * one succeeds, the other sees the new status and gets 409), then status, history, case link,
 * points (once per reporter, reason and tip by the ledger's unique key) and the audit record.
 */
export async function decideTip(actor: Actor, id: string, input: TriageInput) {
  const decidedTip = await db.transaction(async (tx) => {
    const now = new Date();
    // Case before tip: the same lock order as linking tips to a case, so the two never deadlock.
    const kase = input.caseId ? await lockLinkableCase(tx, actor, input.caseId) : null;
    const tip = await lockTip(tx, actor, id);
    if (!canMoveTo(tip.status, input.decision))
      throw conflict(`A tip that is ${tip.status} cannot be marked ${input.decision}`, { status: tip.status });
    if (!canDecide(actor, tip, now))
      throw conflict('Another officer has claimed this tip', { claimedById: tip.claimedById, claimExpiresAt: tip.claimExpiresAt });
    if (kase && kase.districtId !== tip.districtId)
      throw unprocessable('Tips of another district cannot join this case', [{ field: 'caseId', message: 'another district' }]);
    const original = input.decision === 'duplicate' ? await resolveOriginal(tx, actor, tip, input.duplicateOf!) : null;
    const priority = input.priority ?? tip.priority;

    const isDeliberateFalse = input.decision === 'invalid' && input.isDeliberateFalse;
    await tx
      .update(tips)
      .set({
        status: input.decision,
        priority,
        priorityRank: PRIORITY_RANK[priority],
        duplicateOfId: original?.id ?? null,
        isDeliberateFalse,
        claimedById: null,
        claimExpiresAt: null,
        decidedById: actor.id,
        decidedAt: now,
        updatedAt: now,
      })
      .where(eq(tips.id, id));

    // A request for information is always addressed to the reporter.
    const isShared = input.isNoteForReporter || input.decision === 'needs_info';
    const by = { actorId: actor.id, actorRole: actor.role, createdAt: now };
    await tx.insert(tipHistory).values({
      tipId: id,
      kind: 'status',
      fromStatus: tip.status,
      toStatus: input.decision,
      note: isShared ? (input.note ?? null) : null,
      isVisibleToReporter: true,
      details: { priority, ...(original ? { duplicateOfId: original.id } : {}) },
      ...by,
    });
    if (input.note && !isShared) await tx.insert(tipHistory).values({ tipId: id, kind: 'note', note: input.note, isVisibleToReporter: false, ...by });
    if (kase) await attachTips(tx, actor, kase, [id]);

    const points: (Award & PointsOutcome)[] = [];
    for (const award of awardsFor(tip, input, priority)) {
      const outcome = await applyPoints(tx, { userId: tip.reporterId!, reason: award.reason, delta: award.delta, tipId: id, actorId: actor.id });
      points.push({ ...award, ...outcome });
    }
    await audit(tx, {
      actor,
      action: 'tip.triage',
      entityType: 'tip',
      entityId: id,
      details: {
        from: tip.status,
        decision: input.decision,
        priority,
        duplicateOfId: original?.id ?? null,
        caseId: kase?.id ?? null,
        isDeliberateFalse,
        points: points.map((p) => ({ reason: p.reason, delta: p.delta, applied: p.applied })),
      },
    });
    const [fresh] = await tx.select().from(tips).where(eq(tips.id, id));
    return fresh;
  });
  return viewForPolice(decidedTip);
}

async function getVisibleTip(actor: Actor, id: string): Promise<TipRow> {
  const [tip] = await db.select().from(tips).where(and(eq(tips.id, id), tipsVisibleTo(actor)));
  if (!tip) throw notFound('Tip');
  return tip;
}

/**
 * Likely duplicates of a tip: same district and category, within a few days, close by (or with a
 * similar address when coordinates are missing), and with similar text (pg_trgm similarity).
 */
export async function suggestDuplicates(actor: Actor, id: string) {
  const tip = await getVisibleTip(actor, id);
  const windowMs = DUPLICATE_WINDOW_DAYS * 86_400_000;
  const addressSimilar = tip.address
    ? and(isNotNull(tips.address), sql`similarity(${tips.address}, ${tip.address}) >= ${ADDRESS_MIN_SIMILARITY}`)
    : sql`false`;
  const hasCoords = tip.lat !== null && tip.lng !== null;
  const distance = hasCoords ? distanceMetresSql(tip.lat!, tip.lng!) : null;
  const near = distance
    ? or(and(isNotNull(tips.lat), isNotNull(tips.lng), sql`${distance} <= ${DUPLICATE_RADIUS_M}`), and(isNull(tips.lat), addressSimilar))
    : addressSimilar;
  const similarity = sql<number>`similarity(${tips.description}, ${tip.description})`;
  const rows: DuplicateRow[] = await db
    .select({
      id: tips.id,
      reference: tips.reference,
      status: tips.status,
      category: tips.category,
      excerpt: sql<string>`left(${tips.description}, 200)`,
      address: tips.address,
      createdAt: tips.createdAt,
      caseId: tips.caseId,
      similarity,
      distanceMetres: distance ? sql<number | null>`CASE WHEN ${tips.lat} IS NULL THEN NULL ELSE ${distance} END` : sql<null>`NULL`,
    })
    .from(tips)
    .where(
      and(
        tipsVisibleTo(actor),
        eq(tips.districtId, tip.districtId),
        eq(tips.category, tip.category),
        sql`${tips.createdAt} BETWEEN ${new Date(tip.createdAt.getTime() - windowMs)} AND ${new Date(tip.createdAt.getTime() + windowMs)}`,
        ne(tips.id, tip.id),
        // Suggest originals: a tip already marked duplicate points at its original, which is listed itself.
        ne(tips.status, 'duplicate'),
        near,
        sql`${similarity} >= ${DUPLICATE_MIN_SIMILARITY}`,
      ),
    )
    .orderBy(desc(similarity), asc(tips.createdAt))
    .limit(5);
  return { suggestions: rows.map(presentDuplicate) };
}

/** How the reporter's other tips were judged: counts only, nothing that names them. */
export async function reporterRecord(actor: Actor, id: string) {
  const tip = await getVisibleTip(actor, id);
  if (tip.reporterId === null) return presentReporterRecord(true, null);
  const [r] = await db
    .select({
      total: sql<number>`count(*)::int`,
      valid: sql<number>`count(*) FILTER (WHERE ${tips.status} = 'valid')::int`,
      invalid: sql<number>`count(*) FILTER (WHERE ${tips.status} = 'invalid')::int`,
      duplicate: sql<number>`count(*) FILTER (WHERE ${tips.status} = 'duplicate')::int`,
      falseReports: sql<number>`count(*) FILTER (WHERE ${tips.isDeliberateFalse})::int`,
    })
    .from(tips)
    .where(and(eq(tips.reporterId, tip.reporterId), ne(tips.id, tip.id)));
  const record: ReporterRecord = {
    total: Number(r.total),
    valid: Number(r.valid),
    invalid: Number(r.invalid),
    duplicate: Number(r.duplicate),
    falseReports: Number(r.falseReports),
  };
  return presentReporterRecord(false, record);
}
